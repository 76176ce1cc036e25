import { describe, expect, it } from 'vitest';
import { averageCurve, cohortRows, heatStyle, periodStart } from './cohorts';

describe('period starts', () => {
  it('step by days, ISO weeks and calendar months', () => {
    expect(periodStart('2026-11-30', 'day', 2)).toBe('2026-12-02');
    expect(periodStart('2026-11-23', 'week', 1)).toBe('2026-11-30');
    expect(periodStart('2026-11-01', 'month', 3)).toBe('2027-02-01');
  });
});

describe('cohort rows', () => {
  const result = {
    cohorts: [
      { group: { values: [] }, start: '2026-11-01', users: 100, retained: [100, 40, 20] },
      { group: { values: [] }, start: '2026-11-02', users: 50, retained: [50, 10, 0] },
      { group: { values: [] }, start: '2026-11-03', users: 0, retained: [0, 0, 0] },
    ],
  };

  it('give each offset its rate and say whether it has begun', () => {
    const rows = cohortRows(result, 'day', '2026-11-03', '未设置');
    expect(rows[0]?.cells.map((c) => [c.retained, c.rate, c.started])).toEqual([
      [100, 1, true],
      [40, 0.4, true],
      [20, 0.2, true],
    ]);
    expect(rows[1]?.cells.map((c) => c.started)).toEqual([true, true, false]);
    expect(rows[2]?.cells[0]?.rate).toBeNull();
  });

  it('average over the cohorts whose period has begun, weighted by size', () => {
    const rows = cohortRows(result, 'day', '2026-11-03', '未设置');
    // Offset 1: (40 + 10) / (100 + 50); offset 2: only the first cohort has reached it.
    expect(averageCurve(rows, 2)).toEqual([1, 50 / 150, 0.2]);
    expect(averageCurve([], 2)).toEqual([null, null, null]);
  });
});

describe('heat colours', () => {
  it('deepen with the rate and switch to white text on dark cells', () => {
    expect(heatStyle(0)).toEqual({ background: 'rgba(31, 95, 214, 0.06)', color: '#1d2b45' });
    expect(heatStyle(1)).toEqual({ background: 'rgba(31, 95, 214, 0.9)', color: '#fff' });
    expect(heatStyle(null).background).toBe('transparent');
  });
});
