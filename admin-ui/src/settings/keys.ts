// Project API keys as the settings page shows them (docs/security.md, "Project API keys"): what a
// key's status means, which actions it allows, the rotation grace choices, and the name check.
import type { ApiKey, ApiKeyKind, ApiKeyStatus } from '../api/types';
import type { MessageKey } from '../i18n';

export const KEY_KINDS: readonly ApiKeyKind[] = ['public', 'secret'];

/** The prefix a key's text starts with, so that one pasted into the wrong place is seen by eye. */
export const KEY_PREFIXES: Readonly<Record<ApiKeyKind, string>> = { public: 'sx_pub_', secret: 'sx_sec_' };

export interface GraceChoice {
  readonly seconds: number;
  readonly label: MessageKey;
}

/** How long the old key goes on working after a rotation; the server's default is 24 h. */
export const GRACE_CHOICES: readonly GraceChoice[] = [
  { seconds: 0, label: 'keys.grace.now' },
  { seconds: 3_600, label: 'keys.grace.hour' },
  { seconds: 86_400, label: 'keys.grace.day' },
  { seconds: 604_800, label: 'keys.grace.week' },
];
export const DEFAULT_GRACE_SECONDS = 86_400;

export const STATUS_COLORS: Readonly<Record<ApiKeyStatus, string>> = {
  active: 'green',
  expiring: 'orange',
  expired: 'default',
  revoked: 'red',
};

export function statusLabel(status: ApiKeyStatus): MessageKey {
  return `keys.status.${status}` as MessageKey;
}

/** Whether the key is still accepted by the collectors (an expiring one until its `expires_at`). */
export function isWorking(key: Pick<ApiKey, 'status'>): boolean {
  return key.status === 'active' || key.status === 'expiring';
}

/** Only an active key can be rotated: the server answers 409 `api-key-not-active` otherwise. */
export function mayRotate(key: Pick<ApiKey, 'status'>): boolean {
  return key.status === 'active';
}

/** A key that still works can be revoked (an expiring one too: it may have leaked). */
export function mayRevoke(key: Pick<ApiKey, 'status'>): boolean {
  return isWorking(key);
}

export const MAX_NAME_LENGTH = 100;

/** The message for a key name the page refuses before asking the server, or null when fine. */
export function nameProblem(name: string): MessageKey | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'keys.name.required';
  if (trimmed.length > MAX_NAME_LENGTH) return 'keys.name.tooLong';
  return null;
}

/** Working keys first, each group newest first (the server lists newest first overall). */
export function sortKeys(keys: readonly ApiKey[]): ApiKey[] {
  return [...keys].sort(
    (a, b) => Number(isWorking(b)) - Number(isWorking(a)) || Date.parse(b.created_at) - Date.parse(a.created_at),
  );
}

/** When the key stopped or stops working, if it does: revoked, or the end of a rotation's grace. */
export function endOf(key: Pick<ApiKey, 'revoked_at' | 'expires_at'>): string | null {
  return key.revoked_at ?? key.expires_at ?? null;
}
