// The sessions analysis (docs/analyses.md, "Sessions") as the page shows it: the request from the
// form, and from the answer's sums the ratios per bucket and over the range (average duration,
// pages per session, bounce rate), the start-hour bars and dwell time per page. Pure.
import type { Granularity, GroupValue, PageDwell, SessionBucket, SessionRequest, SessionResult } from '../api/analysis';
import type { TrackingPlan } from '../api/types';
import { bucketLabel, type DateRange } from '../analysis/dates';
import { toCriteria, type FilterRow, type PropertyTypes } from '../analysis/requests';

export const DEFAULT_TIMEOUT_MINUTES = 30;

/** Page properties to prefer for dwell time: the demo plan's shared page id, then the SDKs'. */
const PAGE_PROPERTIES = ['page_id', '$url', '$screen_name'] as const;

/** The plan's first preferred page property, or null (no dwell table). */
export function defaultPageProperty(plan: TrackingPlan): string | null {
  const names = new Set(plan.properties.map((p) => p.name));
  return PAGE_PROPERTIES.find((name) => names.has(name)) ?? null;
}

export interface SessionForm {
  /** The events sessions are built from; none: every event. */
  readonly events: readonly string[];
  /** Filter rows on those events. */
  readonly filters: readonly FilterRow[];
  /** Which events are page views; none: the server's default ($pageview, $AppViewScreen). */
  readonly pageViews: readonly string[];
  readonly pageProperty: string | null;
  readonly timeoutMinutes: number;
  readonly range: DateRange;
  readonly granularity: Granularity;
}

export function sessionRequest(form: SessionForm, types: PropertyTypes): SessionRequest {
  return {
    events: toCriteria(form.events, form.filters, types),
    ...(form.pageViews.length === 0 ? {} : { page_views: { events: [...form.pageViews] } }),
    ...(form.pageProperty === null ? {} : { page_property: form.pageProperty }),
    timeout_minutes: form.timeoutMinutes,
    from: form.range.from,
    to: form.range.to,
    granularity: form.granularity,
  };
}

/** Sessions and their ratios: null where there is no session to divide by. */
export interface SessionFigures {
  readonly sessions: number;
  readonly averageDurationMillis: number | null;
  readonly pagesPerSession: number | null;
  readonly bounceRate: number | null;
}

export interface SessionRow extends SessionFigures {
  readonly key: string;
  /** The bucket's start in the project's zone, as the other analyses label buckets. */
  readonly label: string;
}

function figures(sums: Pick<SessionBucket, 'sessions' | 'bounces' | 'duration_millis' | 'page_views'>): SessionFigures {
  const ratio = (part: number) => (sums.sessions === 0 ? null : part / sums.sessions);
  return {
    sessions: sums.sessions,
    averageDurationMillis: ratio(sums.duration_millis),
    pagesPerSession: ratio(sums.page_views),
    bounceRate: ratio(sums.bounces),
  };
}

export function sessionRows(result: SessionResult, granularity: Granularity, timeZone: string): SessionRow[] {
  return result.buckets.map((bucket) => ({
    key: bucket.start,
    label: bucketLabel(bucket.start, granularity, timeZone),
    ...figures(bucket),
  }));
}

/** The whole range: the buckets' sums added up, then divided (not an average of averages). */
export function sessionTotals(result: SessionResult): SessionFigures {
  const sum = (pick: (b: SessionBucket) => number) => result.buckets.reduce((total, b) => total + pick(b), 0);
  return figures({
    sessions: sum((b) => b.sessions),
    bounces: sum((b) => b.bounces),
    duration_millis: sum((b) => b.duration_millis),
    page_views: sum((b) => b.page_views),
  });
}

export interface DwellRow {
  readonly key: string;
  readonly page: string;
  readonly views: number;
  readonly averageDwellMillis: number | null;
}

/** Dwell per page, most viewed first (ties by page); an unset page reads `notSet`. */
export function dwellRows(dwell: readonly PageDwell[], notSet: string): DwellRow[] {
  return dwell
    .map((d) => ({
      key: JSON.stringify(d.page),
      page: pageText(d.page, notSet),
      views: d.views,
      averageDwellMillis: d.views === 0 ? null : d.dwell_millis / d.views,
    }))
    .sort((a, b) => b.views - a.views || a.page.localeCompare(b.page));
}

function pageText(page: GroupValue, notSet: string): string {
  if (page === null) return notSet;
  return Array.isArray(page) ? page.join(', ') : String(page);
}

/** A duration as operators read it: 45 s → "45秒" / "45s", 185 s → "3分05秒" / "3m 05s", hours too. */
export function formatDuration(millis: number | null, locale: string): string {
  if (millis === null) return '—';
  const total = Math.round(millis / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  const en = locale === 'en';
  if (hours > 0) return en ? `${hours}h ${two(minutes)}m ${two(seconds)}s` : `${hours}小时${two(minutes)}分${two(seconds)}秒`;
  if (minutes > 0) return en ? `${minutes}m ${two(seconds)}s` : `${minutes}分${two(seconds)}秒`;
  return en ? `${seconds}s` : `${seconds}秒`;
}
