import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api/types';
import { translate } from '../i18n';
import { endOf, GRACE_CHOICES, isWorking, mayRevoke, mayRotate, nameProblem, sortKeys, statusLabel } from './keys';

const key = (id: string, status: ApiKey['status'], created_at: string, more: Partial<ApiKey> = {}): ApiKey => ({
  id,
  project: 'demo',
  kind: 'secret',
  name: 'payments',
  hint: 'sx_sec_Q3mZ',
  status,
  created_at,
  ...more,
});

describe('API keys', () => {
  it.each([
    ['active', true, true, true],
    ['expiring', true, false, true],
    ['expired', false, false, false],
    ['revoked', false, false, false],
  ] as const)('a %s key works: %s, may be rotated: %s, revoked: %s', (status, works, rotate, revoke) => {
    const k = key('k', status, '2026-11-01T00:00:00Z');
    expect(isWorking(k)).toBe(works);
    expect(mayRotate(k)).toBe(rotate);
    expect(mayRevoke(k)).toBe(revoke);
  });

  it('offers grace periods from now to a week, in seconds', () => {
    expect(GRACE_CHOICES.map((c) => c.seconds)).toEqual([0, 3600, 86400, 604800]);
    expect(GRACE_CHOICES.map((c) => translate('zh-CN', c.label))).toEqual(['立即失效', '1 小时', '24 小时', '7 天']);
  });

  it('refuses an empty or too long name', () => {
    expect(nameProblem('  ')).toBe('keys.name.required');
    expect(nameProblem('x'.repeat(101))).toBe('keys.name.tooLong');
    expect(nameProblem(' android-app ')).toBeNull();
  });

  it('lists working keys first, newest first', () => {
    const keys = [
      key('old', 'active', '2026-10-01T00:00:00Z'),
      key('gone', 'revoked', '2026-11-05T00:00:00Z'),
      key('new', 'expiring', '2026-11-03T00:00:00Z'),
    ];
    expect(sortKeys(keys).map((k) => k.id)).toEqual(['new', 'old', 'gone']);
  });

  it('says when a key stops working', () => {
    expect(endOf({ revoked_at: '2026-11-02T00:00:00Z' })).toBe('2026-11-02T00:00:00Z');
    expect(endOf({ expires_at: '2026-11-03T00:00:00Z' })).toBe('2026-11-03T00:00:00Z');
    expect(endOf({})).toBeNull();
  });

  it('names every status in both languages', () => {
    for (const status of ['active', 'expiring', 'expired', 'revoked'] as const) {
      expect(translate('zh-CN', statusLabel(status))).not.toContain('keys.');
      expect(translate('en', statusLabel(status))).not.toContain('keys.');
    }
  });
});
