// Funnel drill-down (docs/query-api.md, "Funnel users"): who reached or dropped at a step, as the
// request for a page of them (or all, as CSV), with the counts the funnel already shows.
import type { FunnelOutcome, FunnelRequest, FunnelUsersRequest, WireGroup } from '../api/analysis';

export const PAGE_SIZE = 50;

/** Which users of which step, and of which group of a grouped funnel (absent: every group). */
export interface Drill {
  /** 1-based. */
  readonly step: number;
  readonly outcome: FunnelOutcome;
  readonly group?: WireGroup;
}

/** A step's outcomes: everyone reaches the first step, so only later steps have users who dropped. */
export function outcomesOf(step: number): FunnelOutcome[] {
  return step >= 2 ? ['reached', 'dropped'] : ['reached'];
}

/**
 * How many users the drill lists, from the funnel's users per step: `reached` step k is users[k];
 * `dropped` at k is those whose furthest step is k - 1.
 */
export function drillCount(users: readonly number[], drill: Pick<Drill, 'step' | 'outcome'>): number {
  const reached = users[drill.step - 1] ?? 0;
  if (drill.outcome === 'reached') return reached;
  return Math.max(0, (users[drill.step - 2] ?? 0) - reached);
}

/** The funnel's own request plus the drill; `after` continues from the previous page. */
export function funnelUsersRequest(funnel: FunnelRequest, drill: Drill, page: { limit?: number; after?: string | null } = {}): FunnelUsersRequest {
  return {
    ...funnel,
    step: drill.step,
    outcome: drill.outcome,
    ...(drill.group !== undefined && funnel.group_by !== null ? { group: drill.group } : {}),
    ...(page.limit !== undefined ? { limit: page.limit } : {}),
    ...(page.after ? { after: page.after } : {}),
  };
}

/** `funnel-step2-dropped-2026-11-01_2026-11-07.csv` */
export function csvFileName(funnel: Pick<FunnelRequest, 'from' | 'to'>, drill: Pick<Drill, 'step' | 'outcome'>): string {
  return `funnel-step${drill.step}-${drill.outcome}-${funnel.from}_${funnel.to}.csv`;
}

/**
 * The cursors of the pages seen so far: page n (0-based) starts after `cursors[n]` (null for the
 * first), so going back needs no request of its own kind.
 */
export interface Pages {
  readonly cursors: readonly (string | null)[];
  readonly index: number;
}

export const FIRST_PAGE: Pages = { cursors: [null], index: 0 };

export function currentCursor(pages: Pages): string | null {
  return pages.cursors[pages.index] ?? null;
}

export function nextPage(pages: Pages, nextAfter: string): Pages {
  const cursors = [...pages.cursors.slice(0, pages.index + 1), nextAfter];
  return { cursors, index: pages.index + 1 };
}

export function previousPage(pages: Pages): Pages {
  return { cursors: pages.cursors, index: Math.max(0, pages.index - 1) };
}

/** The 1-based rank of the page's first user, for "101–150 of 153". */
export function firstRank(pages: Pages, pageSize: number): number {
  return pages.index * pageSize + 1;
}
