import { describe, expect, it } from 'vitest';
import type { SessionResult } from '../api/analysis';
import type { TrackingPlan } from '../api/types';
import { defaultPageProperty, dwellRows, formatDuration, sessionRequest, sessionRows, sessionTotals } from './figures';

const result: SessionResult = {
  buckets: [
    { start: '2026-12-06T16:00:00Z', sessions: 4, bounces: 1, duration_millis: 600_000, page_views: 10 },
    { start: '2026-12-07T16:00:00Z', sessions: 0, bounces: 0, duration_millis: 0, page_views: 0 },
    { start: '2026-12-08T16:00:00Z', sessions: 1, bounces: 1, duration_millis: 0, page_views: 1 },
  ],
  starts_by_hour: Array.from({ length: 24 }, (_, h) => (h === 9 ? 5 : 0)),
  dwell: [
    { page: 'home', views: 3, dwell_millis: 90_000 },
    { page: null, views: 1, dwell_millis: 5_000 },
    { page: 'invest', views: 3, dwell_millis: 30_000 },
  ],
};

describe('session request', () => {
  it('puts the filter on the events and leaves out what the server defaults', () => {
    const request = sessionRequest(
      {
        events: ['$AppViewScreen', 'P2P_Invest'],
        filters: [{ property: '$os', op: 'eq', text: 'iOS' }],
        pageViews: [],
        pageProperty: null,
        timeoutMinutes: 30,
        range: { from: '2026-12-01', to: '2026-12-07' },
        granularity: 'day',
      },
      { $os: 'STRING' },
    );
    expect(request).toEqual({
      events: { events: ['$AppViewScreen', 'P2P_Invest'], filter: { property: '$os', op: 'eq', values: ['iOS'] } },
      timeout_minutes: 30,
      from: '2026-12-01',
      to: '2026-12-07',
      granularity: 'day',
    });
  });

  it('names page views and the page property when chosen', () => {
    const request = sessionRequest(
      { events: [], filters: [], pageViews: ['$pageview'], pageProperty: '$url', timeoutMinutes: 10, range: { from: 'a', to: 'b' }, granularity: 'week' },
      {},
    );
    expect(request).toMatchObject({ events: { events: [] }, page_views: { events: ['$pageview'] }, page_property: '$url', timeout_minutes: 10 });
  });

  it('prefers the page id for dwell time, then the SDK page properties', () => {
    const plan = (names: string[]) => ({ properties: names.map((name) => ({ name })) }) as unknown as TrackingPlan;
    expect(defaultPageProperty(plan(['$url', 'page_id']))).toBe('page_id');
    expect(defaultPageProperty(plan(['$screen_name', '$url']))).toBe('$url');
    expect(defaultPageProperty(plan(['amount']))).toBeNull();
  });
});

describe('session figures', () => {
  it('divides each bucket by its sessions, labelled in the project zone', () => {
    const rows = sessionRows(result, 'day', 'Asia/Shanghai');
    expect(rows.map((r) => r.label)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
    expect(rows[0]).toMatchObject({ sessions: 4, averageDurationMillis: 150_000, pagesPerSession: 2.5, bounceRate: 0.25 });
    expect(rows[1]).toMatchObject({ sessions: 0, averageDurationMillis: null, pagesPerSession: null, bounceRate: null });
  });

  it('totals the sums before dividing', () => {
    expect(sessionTotals(result)).toEqual({ sessions: 5, averageDurationMillis: 120_000, pagesPerSession: 2.2, bounceRate: 0.4 });
    expect(sessionTotals({ buckets: [], starts_by_hour: [], dwell: [] }).bounceRate).toBeNull();
  });

  it('lists dwell per page, most viewed first', () => {
    expect(dwellRows(result.dwell, '未设置')).toEqual([
      { key: '"home"', page: 'home', views: 3, averageDwellMillis: 30_000 },
      { key: '"invest"', page: 'invest', views: 3, averageDwellMillis: 10_000 },
      { key: 'null', page: '未设置', views: 1, averageDwellMillis: 5_000 },
    ]);
  });

  it.each([
    [null, 'zh-CN', '—'],
    [45_400, 'zh-CN', '45秒'],
    [185_000, 'zh-CN', '3分05秒'],
    [185_000, 'en', '3m 05s'],
    [3_725_000, 'zh-CN', '1小时02分05秒'],
    [3_725_000, 'en', '1h 02m 05s'],
  ] as const)('writes %s ms in %s as %s', (millis, locale, text) => {
    expect(formatDuration(millis, locale)).toBe(text);
  });
});
