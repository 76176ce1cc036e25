import { describe, expect, it } from 'vitest';
import type { EventAnalysisResult, WireSeries } from '../api/analysis';
import { changeRatio, formatNumber, formatPercent, groupLabel, lineChartData, tableRows, toNumber } from './series';

const LABELS = { metrics: ['PV', 'UV'], notSet: '未设置', previousSuffix: '（上一周期）' };
// Shanghai midnights of 2026-11-01..03 and of the previous period 2026-10-29..31.
const DAYS = ['2026-10-31T16:00:00Z', '2026-11-01T16:00:00Z', '2026-11-02T16:00:00Z'];
const BEFORE = ['2026-10-28T16:00:00Z', '2026-10-29T16:00:00Z', '2026-10-30T16:00:00Z'];

function series(metric: number, group: WireSeries['group']['values'], buckets: string[], values: (number | string | null)[]): WireSeries {
  return { metric, group: { values: group }, points: buckets.map((bucket, i) => ({ bucket, value: values[i] ?? null })) };
}

describe('wire numbers', () => {
  it('read JSON numbers, decimal text and null', () => {
    expect(toNumber(12)).toBe(12);
    expect(toNumber('1234.50000000')).toBe(1234.5);
    expect(toNumber(null)).toBeNull();
    expect(toNumber('x')).toBeNull();
  });
});

describe('group labels', () => {
  it('join values, with missing ones named', () => {
    expect(groupLabel({ values: ['iOS', null, 5] }, '未设置')).toBe('iOS / 未设置 / 5');
    expect(groupLabel({ values: [] }, '未设置')).toBe('');
  });
});

describe('line chart data', () => {
  const result: EventAnalysisResult = {
    current: [series(0, [], DAYS, [12, 0, 7]), series(1, [], DAYS, [5, 0, 3])],
    previous: [series(0, [], BEFORE, [10, 2, 0]), series(1, [], BEFORE, [4, 1, 0])],
  };

  it('has a category per zero-filled bucket, labelled in the project zone', () => {
    expect(lineChartData(result, LABELS, 'day', 'Asia/Shanghai').categories).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
  });

  it('draws each metric with its previous period right after it', () => {
    const { lines } = lineChartData(result, LABELS, 'day', 'Asia/Shanghai');
    expect(lines.map((l) => [l.name, l.previous])).toEqual([
      ['PV', false],
      ['PV（上一周期）', true],
      ['UV', false],
      ['UV（上一周期）', true],
    ]);
    expect(lines[0]?.values).toEqual([12, 0, 7]);
    expect(lines[1]?.values).toEqual([10, 2, 0]);
  });

  it('names lines by metric and group, and keeps ratio gaps as null', () => {
    const grouped: EventAnalysisResult = {
      current: [series(0, ['iOS'], DAYS, ['1.5', null, 2]), series(0, [null], DAYS, [1, 1, 1])],
      previous: [],
    };
    const { lines } = lineChartData(grouped, LABELS, 'day', 'Asia/Shanghai');
    expect(lines.map((l) => l.name)).toEqual(['PV · iOS', 'PV · 未设置']);
    expect(lines[0]?.values).toEqual([1.5, null, 2]);
  });

  it('pads a shorter previous period with gaps', () => {
    const weeks: EventAnalysisResult = {
      current: [series(0, [], DAYS, [1, 2, 3])],
      previous: [series(0, [], BEFORE.slice(0, 2), [4, 5])],
    };
    expect(lineChartData(weeks, LABELS, 'week', 'Asia/Shanghai').lines[1]?.values).toEqual([4, 5, null]);
  });

  it('is empty without series', () => {
    expect(lineChartData({ current: [], previous: [] }, LABELS, 'day', 'UTC')).toEqual({ categories: [], lines: [] });
  });
});

describe('table rows', () => {
  const result: EventAnalysisResult = {
    current: [series(0, ['iOS'], DAYS, [12, 0, 7]), series(1, ['iOS'], DAYS, [5, 0, 3])],
    previous: [],
  };

  it('take totals from the one-bucket analysis, since users do not add up over days', () => {
    const totals: EventAnalysisResult = {
      current: [series(0, ['iOS'], [DAYS[0]!], [19]), series(1, ['iOS'], [DAYS[0]!], [6])],
      previous: [series(0, ['iOS'], [BEFORE[0]!], [38])],
    };
    const rows = tableRows(result, totals, LABELS, true);
    expect(rows.map((r) => [r.metric, r.group, r.values, r.total, r.previousTotal, r.change])).toEqual([
      ['PV', 'iOS', [12, 0, 7], 19, 38, -0.5],
      ['UV', 'iOS', [5, 0, 3], 6, 0, null],
    ]);
  });

  it('have no totals before they arrive', () => {
    expect(tableRows(result, null, LABELS, false)[0]?.total).toBeNull();
  });

  it('count a previous period without any data as 0, and leave it out when not compared', () => {
    const totals: EventAnalysisResult = { current: [series(0, ['iOS'], [DAYS[0]!], [19])], previous: [] };
    expect(tableRows(result, totals, LABELS, true)[0]?.previousTotal).toBe(0);
    expect(tableRows(result, totals, LABELS, false)[0]?.previousTotal).toBeNull();
  });
});

describe('formatting', () => {
  it('formats numbers and percentages', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(2.345678)).toBe('2.35');
    expect(formatNumber(null)).toBe('—');
    expect(formatPercent(0.123456)).toBe('12.35%');
    expect(formatPercent(null)).toBe('—');
    expect(changeRatio(15, 10)).toBe(0.5);
    expect(changeRatio(15, 0)).toBeNull();
  });
});
