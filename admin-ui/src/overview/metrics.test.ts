import { describe, expect, it } from 'vitest';
import type { EventAnalysisResult } from '../api/analysis';
import type { IngestionReport } from '../api/types';
import {
  acceptedPerMinute,
  ingestionChart,
  lagMillis,
  lagParts,
  lagTone,
  quarantineRate,
  shortDay,
  trendOf,
  trendRequest,
} from './metrics';

const report = (over: Partial<IngestionReport> = {}): IngestionReport => ({
  project: 'demo',
  now: '2026-12-08T04:10:30.000Z',
  time_zone: 'Asia/Shanghai',
  minutes: [
    { start: '2026-12-08T04:08:00Z', accepted: 4, quarantined: 1 },
    { start: '2026-12-08T04:09:00Z', accepted: 0, quarantined: 0 },
    { start: '2026-12-08T04:10:00Z', accepted: 2, quarantined: 3 },
  ],
  window: { from: '2026-12-08T04:08:00Z', accepted: 6, quarantined: 4 },
  today: { from: '2026-12-07T16:00:00Z', accepted: 96, quarantined: 4 },
  latest_received_at: '2026-12-08T04:09:45.500Z',
  ...over,
});

describe('trend', () => {
  it('asks for DAU, new users and events of the 30 days up to today, by day', () => {
    const request = trendRequest('2026-12-08');
    expect(request).toMatchObject({ from: '2026-11-09', to: '2026-12-08', granularity: 'day', group_by: [] });
    expect(request.metrics).toEqual([{ shortcut: 'dau' }, { shortcut: 'new_users' }, { events: [], measure: 'events' }]);
  });

  // Shanghai days start at 16:00 UTC the day before.
  const result: EventAnalysisResult = {
    current: [
      {
        metric: 0,
        group: { values: [] },
        points: [
          { bucket: '2026-12-05T16:00:00Z', value: 12 },
          { bucket: '2026-12-06T16:00:00Z', value: '7' },
          { bucket: '2026-12-07T16:00:00Z', value: 0 },
        ],
      },
      {
        metric: 2,
        group: { values: [] },
        points: [
          { bucket: '2026-12-05T16:00:00Z', value: 0 },
          { bucket: '2026-12-06T16:00:00Z', value: 0 },
          { bucket: '2026-12-07T16:00:00Z', value: 31 },
        ],
      },
    ],
    previous: [],
  };

  it('reads days in the project zone, today as the last bucket, and the last day with data', () => {
    const dau = trendOf(result, 'dau', 'Asia/Shanghai', '2026-12-08');
    expect(dau.days).toEqual(['2026-12-06', '2026-12-07', '2026-12-08']);
    expect(dau.values).toEqual([12, 7, 0]);
    expect(dau.today).toBe(0);
    expect(dau.lastActiveDay).toBe('2026-12-07');
    const events = trendOf(result, 'events', 'Asia/Shanghai', '2026-12-08');
    expect(events.today).toBe(31);
    expect(events.lastActiveDay).toBe('2026-12-08');
  });

  it('is empty for a metric the answer lacks', () => {
    const none = trendOf(result, 'newUsers', 'Asia/Shanghai', '2026-12-08');
    expect(none).toEqual({ days: [], values: [], today: 0, lastActiveDay: null });
  });

  it('labels days by month and day', () => {
    expect(shortDay('2026-12-08')).toBe('12-08');
  });
});

describe('ingestion', () => {
  it('gives the quarantine rate of what was received, none when nothing was', () => {
    expect(quarantineRate({ accepted: 96, quarantined: 4 })).toBe(0.04);
    expect(quarantineRate({ accepted: 0, quarantined: 3 })).toBe(1);
    expect(quarantineRate({ accepted: 0, quarantined: 0 })).toBeNull();
  });

  it('averages accepted events per minute over the window', () => {
    expect(acceptedPerMinute(report())).toBe(2);
    expect(acceptedPerMinute(report({ minutes: [] }))).toBe(0);
  });

  it('measures the lag against the server clock, never below zero', () => {
    expect(lagMillis(report())).toBe(44_500);
    expect(lagMillis(report({ latest_received_at: null }))).toBeNull();
    expect(lagMillis(report({ latest_received_at: '2026-12-08T04:11:00Z' }))).toBe(0);
  });

  it.each([
    [0, 0, 'seconds'],
    [59_999, 59, 'seconds'],
    [60_000, 1, 'minutes'],
    [3_599_000, 59, 'minutes'],
    [3_600_000, 1, 'hours'],
    [47 * 3_600_000, 47, 'hours'],
    [48 * 3_600_000, 2, 'days'],
  ] as const)('writes %i ms as %i %s', (millis, amount, unit) => {
    expect(lagParts(millis)).toEqual({ amount, unit });
  });

  it('colours the lag by freshness', () => {
    expect(lagTone(30_000)).toBe('fresh');
    expect(lagTone(10 * 60_000)).toBe('late');
    expect(lagTone(2 * 3_600_000)).toBe('stale');
    expect(lagTone(null)).toBe('stale');
  });

  it('labels each minute with its local time in the project zone', () => {
    expect(ingestionChart(report(), 'Asia/Shanghai')).toEqual({
      categories: ['12:08', '12:09', '12:10'],
      accepted: [4, 0, 2],
      quarantined: [1, 0, 3],
    });
    expect(ingestionChart(report(), 'Asia/Kathmandu').categories[0]).toBe('09:53');
  });
});
