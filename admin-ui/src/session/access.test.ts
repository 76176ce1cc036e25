import { describe, expect, it } from 'vitest';
import { PAGES } from '../shell/routes';
import type { Role } from '../api/types';
import { translate } from '../i18n';
import {
  mayAnalyze,
  mayChangePlan,
  mayManageApiKeys,
  mayOpen,
  mayReadQuarantine,
  mayReplayAsBackEnd,
  mayReplayQuarantine,
  roleName,
  ROLES,
  visiblePages,
} from './access';

describe('menu per role', () => {
  it.each([
    ['ADMIN', [...PAGES]],
    ['ANALYST', ['overview', 'events', 'sessions', 'funnels', 'retention', 'distributions', 'segments']],
    ['CUSTOMER_SERVICE', ['overview', 'customer', 'plan']],
    ['PLAN_DEVELOPER', ['overview', 'plan', 'quality']],
  ] as const)('%s sees %j', (role, pages) => {
    expect(visiblePages(role)).toEqual(pages);
  });

  it('hides user lookup from all but admins and customer service (audited, one user at a time)', () => {
    expect(ROLES.filter((role) => mayOpen(role, 'customer'))).toEqual(['ADMIN', 'CUSTOMER_SERVICE']);
  });

  it('hides data quality from those who cannot read the quarantine', () => {
    for (const role of ROLES) expect(mayOpen(role, 'quality')).toBe(mayReadQuarantine(role));
  });

  it('gives every role the overview', () => {
    for (const role of ROLES) expect(mayOpen(role, 'overview')).toBe(true);
  });
});

describe('actions per role', () => {
  it('lets only admins and plan developers change the plan', () => {
    expect(ROLES.filter(mayChangePlan)).toEqual(['ADMIN', 'PLAN_DEVELOPER']);
  });

  it("shows the overview's user figures to those who may analyse, its ingestion to those who read the quarantine", () => {
    expect(ROLES.filter(mayAnalyze)).toEqual(['ADMIN', 'ANALYST']);
    for (const role of ROLES) expect(mayOpen(role, 'events')).toBe(mayAnalyze(role));
    expect(ROLES.filter(mayReadQuarantine)).toEqual(['ADMIN', 'PLAN_DEVELOPER']);
  });

  it('lets admins and plan developers replay, but only admins vouch for back-end events', () => {
    expect(ROLES.filter(mayReplayQuarantine)).toEqual(['ADMIN', 'PLAN_DEVELOPER']);
    expect(ROLES.filter(mayReplayAsBackEnd)).toEqual(['ADMIN']);
  });

  it('shows project settings (API keys) to admins only', () => {
    expect(ROLES.filter(mayManageApiKeys)).toEqual(['ADMIN']);
    expect(ROLES.filter((role) => mayOpen(role, 'settings'))).toEqual(['ADMIN']);
  });

  it('opens nothing for a role this console does not know, and shows its wire name', () => {
    const unknown = 'AUDITOR' as Role;
    expect(visiblePages(unknown)).toEqual([]);
    expect(roleName(unknown, (key) => translate('zh-CN', key))).toBe('AUDITOR');
    expect(roleName('CUSTOMER_SERVICE', (key) => translate('zh-CN', key))).toBe('客服');
    expect(roleName('PLAN_DEVELOPER', (key) => translate('en', key))).toBe('Plan developer');
  });
});
