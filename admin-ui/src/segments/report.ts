// A campaign's effect report as operators read it (docs/analyses.md, "Campaign statistics"): the
// conversions, the uplift in percentage points and relative to the holdout, its 95 % interval, the
// p-value, and a verdict in words. Pure: the page renders what these return.
import type { EffectComparison, EffectGroup, EffectReport, SegmentCompareRequest, SegmentView } from '../api/segments';
import { addDays, todayIn, type DateRange } from '../analysis/dates';
import { funnelRequest, type PropertyTypes, type StepForm } from '../analysis/requests';
import { toNumber } from '../analysis/series';

/** The significance level the report's interval and verdict use. */
export const ALPHA = 0.05;

/**
 * `better` / `worse`: the targeted group converts more / less than the holdout, significant at 95 %
 * (two-sided p below 0.05); `inconclusive`: not significant; `undefined`: no test possible (a group
 * without users, or no variance: both rates 0 or both 1).
 */
export type Verdict = 'better' | 'worse' | 'inconclusive' | 'undefined';

export function verdictOf(comparison: EffectComparison): Verdict {
  const { p_value: p, difference } = comparison;
  if (p === null || difference === null) return 'undefined';
  if (p >= ALPHA) return 'inconclusive';
  return difference > 0 ? 'better' : 'worse';
}

export function rateOf(group: EffectGroup): number | null {
  return toNumber(group.rate);
}

/** The difference relative to the control's rate (+0.51 for 24.69 % against 16.34 %), or null. */
export function relativeUplift(targeted: EffectGroup, control: EffectGroup): number | null {
  const t = rateOf(targeted);
  const c = rateOf(control);
  if (t === null || c === null || c === 0) return null;
  return (t - c) / c;
}

/** A rate as a percentage with 2 decimals: "24.69%". */
export function formatRate(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '—' : `${(rate * 100).toFixed(2)}%`;
}

/** A difference of rates in percentage points, signed: "+8.35 pp", "−2.00 pp". */
export function formatPoints(difference: number | null, unit: string): string {
  if (difference === null || !Number.isFinite(difference)) return '—';
  const points = difference * 100;
  const text = Math.abs(points).toFixed(2);
  const sign = text === '0.00' ? '±' : points > 0 ? '+' : '−';
  return `${sign}${text} ${unit}`;
}

/** A relative change, signed: "+51.1%". */
export function formatRelative(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const text = Math.abs(ratio * 100).toFixed(1);
  return `${text === '0.0' ? '±' : ratio > 0 ? '+' : '−'}${text}%`;
}

/** The interval in percentage points: "[−14.72, +10.71] pp". */
export function formatInterval(comparison: EffectComparison, unit: string): string {
  const { lower95, upper95 } = comparison;
  if (lower95 === null || upper95 === null) return '—';
  const bound = (value: number) => formatPoints(value, '').trim();
  return `[${bound(lower95)}, ${bound(upper95)}] ${unit}`;
}

/** A p-value as papers write it: "< 0.001" below a thousandth, else 3 decimals. */
export function formatPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '—';
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}

/** The bars of the report's chart: each group's conversion in percent, null without users. */
export interface RateBar {
  readonly key: 'targeted' | 'held_out' | 'not_targeted';
  readonly users: number;
  readonly converted: number;
  readonly percent: number | null;
}

export function rateBars(report: EffectReport): RateBar[] {
  return (['targeted', 'held_out', 'not_targeted'] as const).map((key) => {
    const group = report[key];
    const rate = rateOf(group);
    return { key, users: group.users, converted: group.converted, percent: rate === null ? null : Math.round(rate * 10_000) / 100 };
  });
}

/** The case study's measure: the two weeks after the push. */
export const DEFAULT_EFFECT_DAYS = 14;

/**
 * The dates the effect is measured over by default: the two weeks after the snapshot's date (the
 * campaign ran on what it held then), or after the campaign's creation when the snapshot is gone.
 */
export function defaultEffectRange(asOf: string | null, createdAt: string, timeZone: string): DateRange {
  const start = asOf ?? todayIn(timeZone, new Date(createdAt));
  return { from: addDays(start, 1), to: addDays(start, DEFAULT_EFFECT_DAYS) };
}

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;

/**
 * The compare request for saved segments, in the order chosen (the first is the reference): the
 * API wants distinct names, so a repeated one gets its position appended.
 */
export function compareRequest(
  segments: readonly Pick<SegmentView, 'name' | 'rule'>[],
  asOf: string,
  funnel: SegmentCompareRequest['funnel'],
): SegmentCompareRequest {
  const used = new Set<string>();
  const named = segments.map((segment, i) => {
    const name = used.has(segment.name) ? `${segment.name} (${i + 1})` : segment.name;
    used.add(name);
    return { name, rule: segment.rule };
  });
  return { segments: named, as_of: asOf, funnel };
}

/** The conversion goal of a report or comparison: a funnel's steps, its window in days, its dates. */
export interface Goal {
  readonly steps: readonly StepForm[];
  readonly days: number;
  readonly range: DateRange;
}

/** The goal as the funnel the effect and compare endpoints take (they group by themselves). */
export function goalFunnel(goal: Goal, types: PropertyTypes): SegmentCompareRequest['funnel'] {
  const { group_by: _grouped, ...funnel } = funnelRequest({ steps: goal.steps, window: goal.days, windowUnit: 'days', range: goal.range, groupBy: null }, types);
  return funnel;
}
