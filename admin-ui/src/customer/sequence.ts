// The user sequence's filters and paging (docs/query-api.md, "A user's action sequence"): which
// events, which local dates, how many per page, and the pages loaded so far.
import type { UserEvent, UserEventsQuery } from '../api/types';

export const PAGE_SIZES = [10, 20, 50, 100, 200, 500] as const;
export const DEFAULT_PAGE_SIZE = 50;

export interface SequenceFilter {
  /** None: every event. */
  readonly events: readonly string[];
  /** Local dates `yyyy-MM-dd`, both inclusive; null: no bound. */
  readonly from: string | null;
  readonly to: string | null;
  readonly limit: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filter a route presets: `?user=u1&events=A,B&from=2026-11-01&to=2026-11-07&limit=20`. */
export function filterFromParams(params: URLSearchParams): SequenceFilter {
  const events = (params.get('events') ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '');
  const date = (name: string) => {
    const value = params.get(name);
    return value !== null && DATE.test(value) ? value : null;
  };
  const limit = Number(params.get('limit'));
  return {
    events,
    from: date('from'),
    to: date('to'),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
  };
}

/** The route parameters of a filter, leaving out what is not set or is the default. */
export function filterParams(filter: SequenceFilter): Record<string, string> {
  return {
    ...(filter.events.length > 0 ? { events: filter.events.join(',') } : {}),
    ...(filter.from !== null ? { from: filter.from } : {}),
    ...(filter.to !== null ? { to: filter.to } : {}),
    ...(filter.limit !== DEFAULT_PAGE_SIZE ? { limit: String(filter.limit) } : {}),
  };
}

/** The request of a page; `before` is the previous page's `next_before`. */
export function sequenceQuery(filter: SequenceFilter, before: string | null = null): UserEventsQuery {
  return {
    ...(filter.events.length > 0 ? { events: filter.events } : {}),
    ...(filter.from !== null ? { from: filter.from } : {}),
    ...(filter.to !== null ? { to: filter.to } : {}),
    limit: filter.limit,
    ...(before !== null ? { before } : {}),
  };
}

/** Whether a date range is usable: both bounds optional, but not ending before it starts. */
export function rangeProblem(filter: Pick<SequenceFilter, 'from' | 'to'>): 'reversed' | null {
  return filter.from !== null && filter.to !== null && filter.to < filter.from ? 'reversed' : null;
}

/** An older page after the ones loaded; keyset pages do not overlap, but a retried page must not show twice. */
export function appendPage(loaded: readonly UserEvent[], page: readonly UserEvent[]): UserEvent[] {
  const seen = new Set(loaded.map((e) => e.insert_id));
  return [...loaded, ...page.filter((e) => !seen.has(e.insert_id))];
}

export function isFiltered(filter: SequenceFilter): boolean {
  return filter.events.length > 0 || filter.from !== null || filter.to !== null;
}
