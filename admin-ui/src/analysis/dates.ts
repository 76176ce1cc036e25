// Dates as the analysis API reads them: local dates (yyyy-MM-dd) in the project's time zone, and
// bucket labels for instants the server answers.
import type { Granularity } from '../api/analysis';

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Today's date in `timeZone` (not the browser's), as yyyy-MM-dd. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats dates as yyyy-MM-dd.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A yyyy-MM-dd date moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return moved.toISOString().slice(0, 10);
}

/** The last `days` days up to and including today in the zone (both ends inclusive). */
export function lastDays(days: number, timeZone: string, now: Date = new Date()): DateRange {
  const to = todayIn(timeZone, now);
  return { from: addDays(to, -(days - 1)), to };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The range of `?from=&to=` when both are dates, else the fallback. */
export function rangeFromParams(params: URLSearchParams, fallback: DateRange): DateRange {
  const from = params.get('from');
  const to = params.get('to');
  return from && to && DATE.test(from) && DATE.test(to) ? { from, to } : fallback;
}

/** How a bucket's start reads on an axis, in the project's zone. */
export function bucketLabel(instant: string, granularity: Granularity, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  switch (granularity) {
    case 'hour':
      return `${parts.month}-${parts.day} ${parts.hour}:00`;
    case 'month':
      return `${parts.year}-${parts.month}`;
    default:
      return day;
  }
}
