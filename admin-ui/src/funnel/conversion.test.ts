import { describe, expect, it } from 'vitest';
import { formatPercent } from '../analysis/series';
import { funnelRows, humanDuration, overallConversion, sharedStepEvents, stepConversions, totalUsers } from './conversion';

describe('conversion', () => {
  it('divides each step by the one before', () => {
    expect(stepConversions([1000, 400, 100])).toEqual([0.4, 0.25]);
    expect(stepConversions([3, 2, 1]).map(formatPercent)).toEqual(['66.67%', '50.00%']);
  });

  it('is overall the last step over the first', () => {
    expect(overallConversion([1000, 400, 100])).toBe(0.1);
    expect(formatPercent(overallConversion([3, 2, 1]))).toBe('33.33%');
  });

  it('has none where nobody reached the step before', () => {
    expect(stepConversions([0, 0])).toEqual([null]);
    expect(overallConversion([0, 0, 0])).toBeNull();
    expect(overallConversion([])).toBeNull();
  });
});

describe('human durations', () => {
  it('use the two largest units, truncating', () => {
    expect(humanDuration(90_061_000, 'zh-CN')).toBe('1 天 1 小时');
    expect(humanDuration(125_000, 'en')).toBe('2 min 5 s');
    expect(humanDuration(59_999, 'zh-CN')).toBe('59 秒');
    expect(humanDuration(86_400_000, 'zh-CN')).toBe('1 天');
    expect(humanDuration(3_600_000 + 5_000, 'en')).toBe('1 h');
  });

  it('show milliseconds under a second and nothing for none', () => {
    expect(humanDuration(0, 'zh-CN')).toBe('0 毫秒');
    expect(humanDuration(850, 'en')).toBe('850 ms');
    expect(humanDuration(null, 'en')).toBe('—');
  });
});

describe('funnel rows', () => {
  const result = {
    groups: [
      { group: { values: ['dark'] }, users: [10, 4], median_millis: [60_000] },
      { group: { values: [null] }, users: [2, 0], median_millis: [null] },
      { group: { values: ['light'] }, users: [30, 6], median_millis: [1_500] },
    ],
  };

  it('have one row per group with conversions and medians, largest first', () => {
    const rows = funnelRows(result, '未设置');
    expect(rows.map((r) => [r.group, r.users, r.conversions, r.overall, r.medians])).toEqual([
      ['light', [30, 6], [0.2], 0.2, [1_500]],
      ['dark', [10, 4], [0.4], 0.4, [60_000]],
      ['未设置', [2, 0], [0], 0, [null]],
    ]);
  });

  it('add up users over groups', () => {
    expect(totalUsers(result)).toEqual([42, 10]);
    expect(totalUsers({ groups: [] })).toEqual([]);
  });
});

describe('steps that can match one event', () => {
  it('are the same events or any event', () => {
    expect(sharedStepEvents(['View'], ['View', 'Click'])).toBe(true);
    expect(sharedStepEvents([], ['Buy'])).toBe(true);
    expect(sharedStepEvents(['View'], ['Buy'])).toBe(false);
  });
});
