// Segments and campaigns on the wire (docs/query-api.md, "Segments and campaigns"): the rule JSON
// that SegmentRequests reads, and what the segment controller answers. Checked against the
// server's OpenAPI schemas by segments.test.ts.
import type { FunnelRequest, WireCriteria } from './analysis';

/** Absent: ever; the last N local days up to the evaluation date; or fixed local dates. */
export type WireWindow = { readonly last_days: number } | { readonly from: string; readonly to: string };

export type Threshold = 'at_least' | 'at_most' | 'exactly' | 'more_than' | 'less_than';

/** `{"at_least": 3}`: exactly one threshold. */
export type WireTimes = { readonly [T in Threshold]?: number };

/** `{"property": "amount", "more_than": 0}`. */
export type WireSum = { readonly property: string } & { readonly [T in Threshold]?: number };

export type WireRule =
  | { readonly all: readonly WireRule[] }
  | { readonly any: readonly WireRule[] }
  | { readonly first_did: WireCriteria; readonly within?: WireWindow }
  | { readonly did: WireCriteria; readonly within?: WireWindow; readonly times?: WireTimes; readonly sum?: WireSum }
  | { readonly did_not: WireCriteria; readonly within?: WireWindow; readonly times?: WireTimes; readonly sum?: WireSum };

export type Refresh = 'none' | 'hourly' | 'daily';

export interface SegmentView {
  readonly id: string;
  readonly name: string;
  /** The rule as it was saved (the server validates it again on every use). */
  readonly rule: WireRule;
  readonly refresh: Refresh;
  readonly created_at: string;
}

export interface NewSegment {
  readonly name: string;
  readonly rule: WireRule;
  readonly refresh?: Refresh;
}

/** `POST …/segments/preview`; `as_of` (yyyy-MM-dd) defaults to today in the project's zone. */
export interface SegmentPreviewRequest {
  readonly rule: WireRule;
  readonly as_of?: string;
}

export interface SegmentPreview {
  readonly users: number;
}

export interface Snapshot {
  readonly segment_id: string;
  readonly id: string;
  readonly as_of: string;
  readonly users: number;
  readonly created_at: string;
}

export interface MembersPage {
  /** Ascending user ids. */
  readonly members: readonly string[];
  /** The cursor of the next page; null on the last. */
  readonly next_after: string | null;
}

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly segment_id: string;
  readonly snapshot_id: string;
  readonly holdout_percent: number;
  readonly targeted: number;
  readonly held_out: number;
  readonly created_at: string;
}

export interface NewCampaign {
  readonly name: string;
  readonly segment_id: string;
  readonly snapshot_id: string;
  /** 0 to 90. */
  readonly holdout_percent: number;
}

/** The funnel of the effect report: a funnels request without `group_by`. */
export type EffectRequest = { readonly funnel: Omit<FunnelRequest, 'group_by'> };

/** Users at the funnel's first step, those at its last, and the rate (null without users). */
export interface EffectGroup {
  readonly users: number;
  readonly converted: number;
  readonly rate: number | string | null;
}

/** The targeted rate minus the other's, its 95 % interval, z and the two-sided p-value; null where undefined. */
export interface EffectComparison {
  readonly difference: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly z: number | null;
  readonly p_value: number | null;
}

export interface EffectReport {
  readonly targeted: EffectGroup;
  readonly held_out: EffectGroup;
  readonly not_targeted: EffectGroup;
  readonly targeted_vs_held_out: EffectComparison;
  readonly targeted_vs_not_targeted: EffectComparison;
}

/** `POST …/segments/compare`: a funnel per segment (2 to 5, distinct names), the first compared with each other. */
export interface SegmentCompareRequest {
  readonly segments: readonly { readonly name: string; readonly rule: WireRule }[];
  readonly as_of?: string;
  readonly funnel: Omit<FunnelRequest, 'group_by'>;
}

export interface SegmentComparison {
  readonly groups: readonly { readonly name: string; readonly group: EffectGroup }[];
  readonly comparisons: readonly { readonly other: string; readonly comparison: EffectComparison }[];
}
