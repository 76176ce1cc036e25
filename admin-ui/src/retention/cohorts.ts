// Retention for display: each cohort's rates by offset (heat-map cells), offsets that have not
// started yet left blank, and the average curve weighted by cohort size.
import type { RetentionCohort, RetentionResult, RetentionUnit } from '../api/analysis';
import { addDays } from '../analysis/dates';
import { groupKey, groupLabel } from '../analysis/series';

/** The first date of the period `offset` units after a cohort's start (yyyy-MM-dd). */
export function periodStart(start: string, unit: RetentionUnit, offset: number): string {
  if (unit === 'day') return addDays(start, offset);
  if (unit === 'week') return addDays(start, 7 * offset);
  const [year = 0, month = 1, day = 1] = start.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + offset, day)).toISOString().slice(0, 10);
}

export interface HeatCell {
  readonly retained: number;
  /** retained / cohort users; null for an empty cohort. */
  readonly rate: number | null;
  /** False when the period has not begun (today, in the project's zone, is before it). */
  readonly started: boolean;
}

export interface CohortRow {
  readonly key: string;
  readonly start: string;
  readonly group: string;
  readonly users: number;
  readonly cells: readonly HeatCell[];
}

export function cohortRows(result: RetentionResult, unit: RetentionUnit, today: string, notSet: string): CohortRow[] {
  return result.cohorts.map((cohort) => ({
    key: `${groupKey(cohort.group)}:${cohort.start}`,
    start: cohort.start,
    group: groupLabel(cohort.group, notSet),
    users: cohort.users,
    cells: cells(cohort, unit, today),
  }));
}

function cells(cohort: RetentionCohort, unit: RetentionUnit, today: string): HeatCell[] {
  return cohort.retained.map((retained, offset) => ({
    retained,
    rate: cohort.users === 0 ? null : retained / cohort.users,
    started: periodStart(cohort.start, unit, offset) <= today,
  }));
}

/**
 * The average retention at each offset: retained over users, summed over the cohorts whose period
 * at that offset has begun (so young cohorts do not pull the tail down); null where none has.
 */
export function averageCurve(rows: readonly CohortRow[], periods: number): (number | null)[] {
  return Array.from({ length: periods + 1 }, (_, offset) => {
    let retained = 0;
    let users = 0;
    for (const row of rows) {
      const cell = row.cells[offset];
      if (cell?.started && row.users > 0) {
        retained += cell.retained;
        users += row.users;
      }
    }
    return users === 0 ? null : retained / users;
  });
}

/** The heat colour of a rate: the console's blue, stronger with the rate; white text on dark cells. */
export function heatStyle(rate: number | null): { readonly background: string; readonly color: string } {
  if (rate === null) return { background: 'transparent', color: 'inherit' };
  const clamped = Math.min(1, Math.max(0, rate));
  const alpha = Math.round((0.06 + 0.84 * clamped) * 100) / 100;
  return { background: `rgba(31, 95, 214, ${alpha})`, color: clamped > 0.5 ? '#fff' : '#1d2b45' };
}
