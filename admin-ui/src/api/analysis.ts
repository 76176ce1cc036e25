// The analysis API's wire format (docs/query-api.md): requests and results as JSON, snake_case.
// Numbers the server computes exactly (sums, ratios) may arrive as JSON numbers or, for very large
// decimals, as strings; `toNumber` in the analysis modules reads both.

export type AnalysisKind = 'events' | 'sessions' | 'funnels' | 'retention' | 'distributions';

export type FilterOp =
  | 'eq'
  | 'ne'
  | 'in'
  | 'not_in'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'between'
  | 'contains'
  | 'is_set'
  | 'not_set';

export type Literal = string | number | boolean;

export type WireFilter =
  | { readonly property: string; readonly op: FilterOp; readonly values: readonly Literal[] }
  | { readonly all: readonly WireFilter[] }
  | { readonly any: readonly WireFilter[] };

export interface WireCriteria {
  readonly events: readonly string[];
  readonly filter?: WireFilter;
}

export type SimpleMeasure = 'events' | 'users' | 'events_per_user' | 'new_users';
export type PropertyMeasure = 'sum' | 'avg' | 'min' | 'max' | 'distinct';
export type WireMeasure = SimpleMeasure | { readonly [op in PropertyMeasure]?: string };

export interface WireMetric extends WireCriteria {
  readonly measure: WireMeasure;
}

export type Granularity = 'hour' | 'day' | 'week' | 'month' | 'total';

/** A named metric (docs/query-api.md, "shortcut"): `dau`, `new_users`, `pv`, … */
export interface WireShortcut {
  readonly shortcut: 'pv' | 'uv' | 'dau' | 'wau' | 'mau' | 'active_users' | 'new_users' | 'registered_users';
  readonly filter?: WireFilter;
}

export interface EventAnalysisRequest {
  readonly metrics: readonly (WireMetric | WireShortcut)[];
  readonly filter?: WireFilter;
  readonly group_by: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
  readonly compare_with_previous: boolean;
}

export type WireNumber = number | string | null;
export type GroupValue = string | number | boolean | readonly string[] | null;

export interface WireGroup {
  readonly values: readonly GroupValue[];
}

export interface WirePoint {
  /** ISO-8601 instant of the bucket's start. */
  readonly bucket: string;
  readonly value: WireNumber;
}

export interface WireSeries {
  readonly metric: number;
  readonly group: WireGroup;
  readonly points: readonly WirePoint[];
}

export interface EventAnalysisResult {
  readonly current: readonly WireSeries[];
  readonly previous: readonly WireSeries[];
}

/** `sessions` (docs/query-api.md, "Sessions"): every field but the dates is optional. */
export interface SessionRequest {
  readonly events?: WireCriteria;
  readonly page_views?: WireCriteria;
  readonly page_property?: string;
  readonly timeout_minutes?: number;
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
}

export interface SessionBucket {
  /** ISO-8601 instant of the bucket's start; sessions count in the bucket they start in. */
  readonly start: string;
  readonly sessions: number;
  /** Sessions with exactly one page view. */
  readonly bounces: number;
  readonly duration_millis: number;
  readonly page_views: number;
}

export interface PageDwell {
  /** The page property's value; null when unset. */
  readonly page: GroupValue;
  /** Page views followed by another event of their session. */
  readonly views: number;
  readonly dwell_millis: number;
}

export interface SessionResult {
  readonly buckets: readonly SessionBucket[];
  /** 24 counts: sessions by the local hour (in the project's zone) they start in. */
  readonly starts_by_hour: readonly number[];
  readonly dwell: readonly PageDwell[];
}

export interface FunnelRequest {
  readonly steps: readonly WireCriteria[];
  readonly window_seconds: number;
  readonly from: string;
  readonly to: string;
  readonly group_by: string | null;
}

export type FunnelOutcome = 'reached' | 'dropped';

/** `POST …/analyses/funnels/users`: a funnel request and which users of which step. */
export interface FunnelUsersRequest extends FunnelRequest {
  /** 1-based. */
  readonly step: number;
  readonly outcome: FunnelOutcome;
  /** One group of a grouped funnel, as its answer writes it; absent: every group. */
  readonly group?: WireGroup;
  readonly limit?: number;
  /** The previous page's `next_after`. */
  readonly after?: string;
}

export interface FunnelUsersPage {
  /** Ascending ids. */
  readonly users: readonly string[];
  readonly next_after: string | null;
  /** The size of the whole list. */
  readonly total: number;
}

export interface FunnelGroup {
  readonly group: WireGroup;
  readonly users: readonly number[];
  readonly median_millis: readonly (number | null)[];
}

export interface FunnelResult {
  readonly groups: readonly FunnelGroup[];
}

export type RetentionUnit = 'day' | 'week' | 'month';
export type CohortKind = 'first_time' | 'recurring';

export interface RetentionRequest {
  readonly initial: WireCriteria;
  readonly returning: WireCriteria;
  readonly unit: RetentionUnit;
  readonly periods: number;
  readonly cohorts: CohortKind;
  readonly from: string;
  readonly to: string;
  readonly group_by: string | null;
}

export interface RetentionCohort {
  readonly group: WireGroup;
  /** The cohort period's first local date, yyyy-MM-dd. */
  readonly start: string;
  readonly users: number;
  /** Retained users at offsets 0..periods. */
  readonly retained: readonly number[];
}

export interface RetentionResult {
  readonly cohorts: readonly RetentionCohort[];
}

export type DistributionKind = 'events_per_user' | 'hour_of_day' | 'day_of_week' | 'histogram';

export interface DistributionRequest {
  readonly kind: DistributionKind;
  readonly events: WireCriteria;
  readonly bounds?: readonly number[];
  readonly property?: string;
  readonly from: string;
  readonly to: string;
}

export interface DistributionBucket {
  readonly from: WireNumber;
  readonly to: WireNumber;
  readonly events: number;
  readonly users: number;
}

export interface DistributionResult {
  readonly buckets: readonly DistributionBucket[];
}

/** What each kind of analysis is asked and answers. */
export interface Analyses {
  readonly events: [EventAnalysisRequest, EventAnalysisResult];
  readonly sessions: [SessionRequest, SessionResult];
  readonly funnels: [FunnelRequest, FunnelResult];
  readonly retention: [RetentionRequest, RetentionResult];
  readonly distributions: [DistributionRequest, DistributionResult];
}
