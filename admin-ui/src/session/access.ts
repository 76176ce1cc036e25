// What each role may open in the console. The server decides access (console-security's
// AccessRules, docs/security.md "Roles"); the console only hides what a role would be refused, so
// these tables follow that one. Pure, so that the rules are unit-tested.
import type { Role } from '../api/types';
import type { MessageKey } from '../i18n';
import { PAGES, type Page } from '../shell/routes';

export const ROLES: readonly Role[] = ['ADMIN', 'ANALYST', 'CUSTOMER_SERVICE', 'PLAN_DEVELOPER'];

export const ROLE_NAMES: Readonly<Record<Role, MessageKey>> = {
  ADMIN: 'role.ADMIN',
  ANALYST: 'role.ANALYST',
  CUSTOMER_SERVICE: 'role.CUSTOMER_SERVICE',
  PLAN_DEVELOPER: 'role.PLAN_DEVELOPER',
};

const ANALYSIS_PAGES: readonly Page[] = ['events', 'sessions', 'funnels', 'retention', 'distributions', 'segments'];

/**
 * The pages of each role. Every role may read the health and the plan, so every role has the
 * overview (its user and event figures only where the role may run analyses, {@link mayAnalyze};
 * ingestion and quarantine rates only where it reads the quarantine, {@link mayReadQuarantine}).
 */
const ROLE_PAGES: Readonly<Record<Role, ReadonlySet<Page>>> = {
  ADMIN: new Set(PAGES),
  ANALYST: new Set<Page>(['overview', ...ANALYSIS_PAGES]),
  CUSTOMER_SERVICE: new Set<Page>(['overview', 'customer', 'plan']),
  PLAN_DEVELOPER: new Set<Page>(['overview', 'plan', 'quality']),
};

/** A role this console does not know (a newer server's) opens nothing rather than everything. */
export function mayOpen(role: Role, page: Page): boolean {
  return (ROLE_PAGES[role] as ReadonlySet<Page> | undefined)?.has(page) ?? false;
}

/** The menu of a role, in the menu's order. */
export function visiblePages(role: Role): Page[] {
  return PAGES.filter((page) => mayOpen(role, page));
}

/** `PUT/POST .../plan`, `.../plan/import`: admins and plan developers. */
export function mayChangePlan(role: Role): boolean {
  return role === 'ADMIN' || role === 'PLAN_DEVELOPER';
}

/** `.../quarantine` and `.../ingestion`: admins and plan developers. */
export function mayReadQuarantine(role: Role): boolean {
  return role === 'ADMIN' || role === 'PLAN_DEVELOPER';
}

/** `.../analyses/**`: admins and analysts (the overview's DAU, new users and events). */
export function mayAnalyze(role: Role): boolean {
  return role === 'ADMIN' || role === 'ANALYST';
}

/** `.../quarantine/replay`: admins and plan developers. */
export function mayReplayQuarantine(role: Role): boolean {
  return mayReadQuarantine(role);
}

/** `as_back_end` on a replay vouches for back-end-only events: admins only. */
export function mayReplayAsBackEnd(role: Role): boolean {
  return role === 'ADMIN';
}

/** `.../keys/**`: admins only. */
export function mayManageApiKeys(role: Role): boolean {
  return role === 'ADMIN';
}

/** The role's name in the console's language, or its wire name for a role this console does not know. */
export function roleName(role: Role, t: (key: MessageKey) => string): string {
  const key = ROLE_NAMES[role] as MessageKey | undefined;
  return key === undefined ? role : t(key);
}
