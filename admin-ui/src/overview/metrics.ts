// The overview's figures, computed from what the APIs answer: today's value and the 30-day trend
// of DAU, new users and events (one event analysis), and from the ingestion report the rate, the
// freshness (lag) and the quarantine rate. Pure, so the numbers are unit-tested.
import type { EventAnalysisRequest, EventAnalysisResult } from '../api/analysis';
import type { IngestionCounts, IngestionReport } from '../api/types';
import { addDays, bucketLabel } from '../analysis/dates';
import { toNumber } from '../analysis/series';

export const TREND_DAYS = 30;

/** The metrics of the overview's event analysis, in this order. */
export const TREND_METRICS = ['dau', 'newUsers', 'events'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

/**
 * DAU, new users and events (any event) per local day of the last {@link TREND_DAYS} days up to
 * today: today is the last bucket.
 */
export function trendRequest(today: string): EventAnalysisRequest {
  return {
    metrics: [{ shortcut: 'dau' }, { shortcut: 'new_users' }, { events: [], measure: 'events' }],
    group_by: [],
    from: addDays(today, -(TREND_DAYS - 1)),
    to: today,
    granularity: 'day',
    compare_with_previous: false,
  };
}

export interface Trend {
  /** Local dates (yyyy-MM-dd) of the buckets, oldest first; the last is today. */
  readonly days: readonly string[];
  readonly values: readonly number[];
  /** The value of today's bucket (0 when the server has no point for it). */
  readonly today: number;
  /** The latest day with a value above 0, or null when the whole range is empty. */
  readonly lastActiveDay: string | null;
}

/** One metric's daily series (the result has no groups, so one series per metric). */
export function trendOf(result: EventAnalysisResult, metric: TrendMetric, timeZone: string, today: string): Trend {
  const index = TREND_METRICS.indexOf(metric);
  const series = result.current.find((s) => s.metric === index);
  const points = series?.points ?? [];
  const days = points.map((p) => bucketLabel(p.bucket, 'day', timeZone));
  const values = points.map((p) => toNumber(p.value) ?? 0);
  let lastActiveDay: string | null = null;
  values.forEach((value, i) => {
    if (value > 0) lastActiveDay = days[i] ?? null;
  });
  const todayIndex = days.lastIndexOf(today);
  return { days, values, today: todayIndex < 0 ? 0 : (values[todayIndex] ?? 0), lastActiveDay };
}

/** quarantined / (accepted + quarantined); null when nothing was received. */
export function quarantineRate(counts: Pick<IngestionCounts, 'accepted' | 'quarantined'>): number | null {
  const total = counts.accepted + counts.quarantined;
  return total === 0 ? null : counts.quarantined / total;
}

/** Accepted events per minute, averaged over the report's window. */
export function acceptedPerMinute(report: IngestionReport): number {
  return report.minutes.length === 0 ? 0 : report.window.accepted / report.minutes.length;
}

/**
 * Freshness: the server's `now` minus the latest reception, never below 0 (a collector whose clock
 * runs ahead); null when the project has stored nothing.
 */
export function lagMillis(report: Pick<IngestionReport, 'now' | 'latest_received_at'>): number | null {
  if (report.latest_received_at === null) return null;
  const lag = Date.parse(report.now) - Date.parse(report.latest_received_at);
  return Number.isFinite(lag) ? Math.max(0, lag) : null;
}

export type LagUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** A lag in the largest unit that keeps it at least 1, rounded down: 59 s, 1 min … 47 h, 2 d. */
export function lagParts(millis: number): { readonly amount: number; readonly unit: LagUnit } {
  const seconds = Math.floor(millis / 1000);
  if (seconds < 60) return { amount: seconds, unit: 'seconds' };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { amount: minutes, unit: 'minutes' };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { amount: hours, unit: 'hours' };
  return { amount: Math.floor(hours / 24), unit: 'days' };
}

/** How fresh the data is, for the lag card's colour: within 5 minutes, within an hour, older. */
export function lagTone(millis: number | null): 'fresh' | 'late' | 'stale' {
  if (millis === null) return 'stale';
  if (millis <= 5 * 60_000) return 'fresh';
  return millis <= 60 * 60_000 ? 'late' : 'stale';
}

export interface IngestionChart {
  /** HH:mm of each minute in the project's zone. */
  readonly categories: readonly string[];
  readonly accepted: readonly number[];
  readonly quarantined: readonly number[];
}

/** The per-minute bars, labelled with the minute's local time in the project's zone. */
export function ingestionChart(report: IngestionReport, timeZone: string): IngestionChart {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    categories: report.minutes.map((m) => format.format(new Date(m.start))),
    accepted: report.minutes.map((m) => m.accepted),
    quarantined: report.minutes.map((m) => m.quarantined),
  };
}

/** A local date's month and day for a compact axis: 2026-12-08 → 12-08. */
export function shortDay(day: string): string {
  return day.length === 10 ? day.slice(5) : day;
}
