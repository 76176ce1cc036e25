import { describe, expect, it } from 'vitest';
import type { EffectComparison, EffectReport } from '../api/segments';
import { compareRequest, defaultEffectRange, goalFunnel, formatInterval, formatPoints, formatPValue, formatRate, formatRelative, rateBars, relativeUplift, verdictOf } from './report';

const comparison = (change: Partial<EffectComparison>): EffectComparison => ({
  difference: 0.0835,
  lower95: 0.01,
  upper95: 0.157,
  z: 2.2,
  p_value: 0.028,
  ...change,
});

/** The case study's figure 6: 24.69 % of the pushed users converted, 16.34 % of the others. */
const REPORT: EffectReport = {
  targeted: { users: 405, converted: 100, rate: 0.246914 },
  held_out: { users: 404, converted: 66, rate: '0.163366' },
  not_targeted: { users: 0, converted: 0, rate: null },
  targeted_vs_held_out: comparison({}),
  targeted_vs_not_targeted: { difference: null, lower95: null, upper95: null, z: null, p_value: null },
};

describe('verdictOf', () => {
  it.each<[string, Partial<EffectComparison>, string]>([
    ['significantly better', { difference: 0.08, p_value: 0.01 }, 'better'],
    ['significantly worse', { difference: -0.08, p_value: 0.049 }, 'worse'],
    ['not significant at 95 %', { difference: 0.08, p_value: 0.05 }, 'inconclusive'],
    ['not significant, negative', { difference: -0.02, p_value: 0.75 }, 'inconclusive'],
    ['untestable', { difference: null, p_value: null }, 'undefined'],
    ['no variance', { difference: 0, p_value: null }, 'undefined'],
  ])('%s', (_, change, verdict) => {
    expect(verdictOf(comparison(change))).toBe(verdict);
  });
});

describe('formatting', () => {
  it('writes rates, points, the relative uplift and the interval', () => {
    expect(formatRate(0.246914)).toBe('24.69%');
    expect(formatRate(null)).toBe('—');
    expect(formatPoints(0.0835, 'pp')).toBe('+8.35 pp');
    expect(formatPoints(-0.020025, 'pp')).toBe('−2.00 pp');
    expect(formatPoints(0.00001, 'pp')).toBe('±0.00 pp');
    expect(formatPoints(null, 'pp')).toBe('—');
    expect(formatRelative(relativeUplift(REPORT.targeted, REPORT.held_out))).toBe('+51.1%');
    expect(relativeUplift(REPORT.targeted, { users: 3, converted: 0, rate: 0 })).toBeNull();
    expect(relativeUplift(REPORT.targeted, REPORT.not_targeted)).toBeNull();
    expect(formatInterval(comparison({ lower95: -0.1471766, upper95: 0.1071252 }), 'pp')).toBe('[−14.72, +10.71] pp');
    expect(formatInterval(REPORT.targeted_vs_not_targeted, 'pp')).toBe('—');
  });

  it('writes p-values as papers do', () => {
    expect(formatPValue(0.7518113)).toBe('0.752');
    expect(formatPValue(0.0412)).toBe('0.041');
    expect(formatPValue(1.52e-4)).toBe('< 0.001');
    expect(formatPValue(null)).toBe('—');
  });

  it('charts each group in percent, none for a group without users', () => {
    expect(rateBars(REPORT)).toEqual([
      { key: 'targeted', users: 405, converted: 100, percent: 24.69 },
      { key: 'held_out', users: 404, converted: 66, percent: 16.34 },
      { key: 'not_targeted', users: 0, converted: 0, percent: null },
    ]);
  });
});

describe('defaultEffectRange', () => {
  it('is the two weeks after the snapshot, as the case study measured the push', () => {
    expect(defaultEffectRange('2017-02-14', '2026-12-08T03:00:00Z', 'Asia/Shanghai')).toEqual({ from: '2017-02-15', to: '2017-02-28' });
  });

  it('starts after the campaign’s local creation date when the snapshot is gone', () => {
    // 20:00 UTC on the 7th is already the 8th in Shanghai.
    expect(defaultEffectRange(null, '2026-12-07T20:00:00Z', 'Asia/Shanghai')).toEqual({ from: '2026-12-09', to: '2026-12-22' });
  });
});

describe('compareRequest', () => {
  const funnel = { steps: [{ events: ['$AppStart'] }, { events: ['P2P_InvestSuccess'] }], window_seconds: 1_209_600, from: '2017-02-15', to: '2017-02-28' };
  const pushed = { name: '已推送', rule: { did: { events: ['push_Receive'] } } } as const;
  const notPushed = { name: '未推送', rule: { did_not: { events: ['push_Receive'] } } } as const;

  it('names each segment, the first being the reference', () => {
    expect(compareRequest([pushed, notPushed], '2017-02-15', funnel)).toEqual({
      segments: [
        { name: '已推送', rule: pushed.rule },
        { name: '未推送', rule: notPushed.rule },
      ],
      as_of: '2017-02-15',
      funnel,
    });
  });

  it('keeps names distinct, as the API wants them', () => {
    const names = compareRequest([pushed, { ...notPushed, name: '已推送' }, pushed], '2017-02-15', funnel).segments.map((s) => s.name);
    expect(names).toEqual(['已推送', '已推送 (2)', '已推送 (3)']);
  });
});

describe('goalFunnel', () => {
  it('is the funnel of the steps over the dates, its window in days, without group_by', () => {
    const goal = { steps: [{ events: ['$AppStart', '$pageview'], filters: [] }, { events: ['P2P_InvestSuccess'], filters: [] }], days: 14, range: { from: '2017-02-15', to: '2017-02-28' } };
    expect(goalFunnel(goal, {})).toEqual({
      steps: [{ events: ['$AppStart', '$pageview'] }, { events: ['P2P_InvestSuccess'] }],
      window_seconds: 1_209_600,
      from: '2017-02-15',
      to: '2017-02-28',
    });
  });
});
