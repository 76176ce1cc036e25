// Shapes an event analysis result for the chart (one line per metric × group, the previous period
// as its own dashed line aligned bucket by bucket) and for the table (one row per metric × group,
// with the totals of the one-bucket request).
import type { EventAnalysisResult, Granularity, GroupValue, WireGroup, WireNumber, WireSeries } from '../api/analysis';
import { bucketLabel } from './dates';

/** A wire number (JSON number, decimal text or null) as a JS number, or null. */
export function toNumber(value: WireNumber | undefined): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

export function groupKey(group: WireGroup): string {
  return JSON.stringify(group.values);
}

/** A group's values joined for display; a missing value reads `notSet`. Empty for no group-by. */
export function groupLabel(group: WireGroup, notSet: string): string {
  return group.values.map((value) => valueText(value, notSet)).join(' / ');
}

function valueText(value: GroupValue, notSet: string): string {
  if (value === null) return notSet;
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}

export interface SeriesLabels {
  /** The label of each metric, by its index in the request. */
  readonly metrics: readonly string[];
  readonly notSet: string;
  /** Appended to the name of a previous-period line, e.g. "（上一周期）". */
  readonly previousSuffix: string;
}

export interface ChartLine {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly previous: boolean;
}

export interface LineChartData {
  readonly categories: readonly string[];
  readonly lines: readonly ChartLine[];
}

export function seriesName(series: WireSeries, labels: SeriesLabels): string {
  const metric = labels.metrics[series.metric] ?? `#${series.metric + 1}`;
  const group = groupLabel(series.group, labels.notSet);
  return group === '' ? metric : `${metric} · ${group}`;
}

/**
 * The chart's x axis (bucket starts of the current range, in the project's zone) and its lines.
 * The server zero-fills every bucket, so all current series have the same buckets; a previous
 * series is matched to them by position (its n-th bucket is drawn at the current n-th), cut or
 * padded with gaps where a week or month range has a different number of buckets.
 */
export function lineChartData(
  result: EventAnalysisResult,
  labels: SeriesLabels,
  granularity: Granularity,
  timeZone: string,
): LineChartData {
  const first = result.current[0];
  const categories = first ? first.points.map((point) => bucketLabel(point.bucket, granularity, timeZone)) : [];
  const values = (series: WireSeries) =>
    categories.map((_, index) => toNumber(series.points[index]?.value));
  const lines: ChartLine[] = [];
  for (const series of result.current) {
    lines.push({ name: seriesName(series, labels), values: values(series), previous: false });
    const previous = result.previous.find((p) => p.metric === series.metric && groupKey(p.group) === groupKey(series.group));
    if (previous) {
      lines.push({ name: seriesName(series, labels) + labels.previousSuffix, values: values(previous), previous: true });
    }
  }
  return { categories, lines };
}

export interface SeriesRow {
  readonly key: string;
  readonly metric: string;
  readonly group: string;
  readonly values: readonly (number | null)[];
  readonly total: number | null;
  readonly previousTotal: number | null;
  /** (total − previous) / previous, null without a previous total or when it is 0. */
  readonly change: number | null;
}

function only(series: readonly WireSeries[], metric: number, key: string): number | null {
  const match = series.find((s) => s.metric === metric && groupKey(s.group) === key);
  return toNumber(match?.points[0]?.value);
}

/**
 * One row per current series, with the totals of the same analysis at granularity `total`. When
 * the previous period was `compared`, a group missing from it had no data there: its total is 0
 * (the server lists only groups with data).
 */
export function tableRows(
  result: EventAnalysisResult,
  totals: EventAnalysisResult | null,
  labels: SeriesLabels,
  compared: boolean,
): SeriesRow[] {
  return result.current.map((series) => {
    const key = groupKey(series.group);
    const total = totals ? only(totals.current, series.metric, key) : null;
    const previousTotal = totals && compared ? (only(totals.previous, series.metric, key) ?? 0) : null;
    return {
      key: `${series.metric}:${key}`,
      metric: labels.metrics[series.metric] ?? `#${series.metric + 1}`,
      group: groupLabel(series.group, labels.notSet),
      values: series.points.map((point) => toNumber(point.value)),
      total,
      previousTotal,
      change: changeRatio(total, previousTotal),
    };
  });
}

export function changeRatio(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/** A number for a table cell: thousands separators, at most 2 decimals; '—' for none. */
export function formatNumber(value: number | null, locale = 'zh-CN'): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A ratio as a percentage with 2 decimals ("12.35%"); '—' for none. */
export function formatPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(2)}%`;
}
