import { describe, expect, it } from 'vitest';
import { eventsPerUserBars, hourBars } from './buckets';

describe('distribution bars', () => {
  it('label events-per-user buckets by whole counts, with an open end', () => {
    const bars = eventsPerUserBars([
      { from: 1, to: 2, events: 30, users: 30 },
      { from: 2, to: 5, events: 40, users: 12 },
      { from: 5, to: null, events: 90, users: 6 },
    ]);
    expect(bars).toEqual([
      { label: '1', users: 30, events: 30 },
      { label: '2–4', users: 12, events: 40 },
      { label: '≥ 5', users: 6, events: 90 },
    ]);
  });

  it('label hours of the day', () => {
    const bars = hourBars(
      [
        { from: 0, to: 1, events: 3, users: 2 },
        { from: 1, to: 2, events: 0, users: 0 },
      ],
      (hour) => `${hour} 时`,
    );
    expect(bars.map((b) => b.label)).toEqual(['0 时', '1 时']);
  });
});
