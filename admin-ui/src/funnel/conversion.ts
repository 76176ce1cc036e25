// Funnel numbers from the server's users per step: conversions are computed here (users[k] /
// users[k-1], and last / first), medians between steps are made readable.
import type { FunnelResult } from '../api/analysis';
import type { Locale } from '../i18n';
import { groupKey, groupLabel, toNumber } from '../analysis/series';

/** users[k] / users[k-1] for every step after the first; null where the step before had nobody. */
export function stepConversions(users: readonly number[]): (number | null)[] {
  return users.slice(1).map((count, index) => ratio(count, users[index] ?? 0));
}

/** Users at the last step over users at the first; null when nobody started. */
export function overallConversion(users: readonly number[]): number | null {
  return users.length === 0 ? null : ratio(users[users.length - 1] ?? 0, users[0] ?? 0);
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

const UNITS = [
  { ms: 86_400_000, zh: '天', en: 'd' },
  { ms: 3_600_000, zh: '小时', en: 'h' },
  { ms: 60_000, zh: '分钟', en: 'min' },
  { ms: 1000, zh: '秒', en: 's' },
] as const;

/**
 * A duration in its two largest whole units ("1 天 3 小时", "2 min 5 s"); under a second in
 * milliseconds; '—' for none. Truncates rather than rounds, so 59.9 s is never "1 分钟".
 */
export function humanDuration(millis: number | null, locale: Locale): string {
  if (millis === null || !Number.isFinite(millis) || millis < 0) return '—';
  if (millis < 1000) return locale === 'en' ? `${Math.floor(millis)} ms` : `${Math.floor(millis)} 毫秒`;
  const parts: string[] = [];
  let rest = Math.floor(millis);
  for (const unit of UNITS) {
    if (parts.length === 2) break;
    const count = Math.floor(rest / unit.ms);
    rest -= count * unit.ms;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${locale === 'en' ? unit.en : unit.zh}`);
  }
  // "1 天 0 小时" reads better as "1 天".
  return parts.filter((part, index) => index === 0 || !part.startsWith('0 ')).join(' ');
}

export interface FunnelRow {
  readonly key: string;
  readonly group: string;
  readonly users: readonly number[];
  /** Conversion into step k+2 from step k+1, by k. */
  readonly conversions: readonly (number | null)[];
  readonly overall: number | null;
  /** Median milliseconds from step k+1 to k+2, by k. */
  readonly medians: readonly (number | null)[];
}

/** One row per group, largest first step first (the server's order is not part of the contract). */
export function funnelRows(result: FunnelResult, notSet: string): FunnelRow[] {
  return result.groups
    .map((group) => ({
      key: groupKey(group.group),
      group: groupLabel(group.group, notSet),
      users: group.users,
      conversions: stepConversions(group.users),
      overall: overallConversion(group.users),
      medians: group.median_millis.map((m) => toNumber(m)),
    }))
    .sort((a, b) => (b.users[0] ?? 0) - (a.users[0] ?? 0) || a.group.localeCompare(b.group));
}

/** Users per step over all groups (each user is in one group, so groups add up). */
export function totalUsers(result: FunnelResult): number[] {
  const steps = Math.max(0, ...result.groups.map((g) => g.users.length));
  return Array.from({ length: steps }, (_, k) => result.groups.reduce((sum, g) => sum + (g.users[k] ?? 0), 0));
}

/**
 * Whether two consecutive steps can match one event (docs/analyses.md: one event may fill both,
 * so `View → View` is reached by a single View): same events, or either is "any event".
 */
export function sharedStepEvents(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((event) => b.includes(event));
}
