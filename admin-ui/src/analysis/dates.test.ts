import { describe, expect, it } from 'vitest';
import { addDays, bucketLabel, lastDays, rangeFromParams, todayIn } from './dates';

describe('dates', () => {
  it('take today in the project zone, not the browser one', () => {
    const lateUtc = new Date('2026-11-24T20:30:00Z');
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-11-25');
    expect(todayIn('UTC', lateUtc)).toBe('2026-11-24');
  });

  it('move across months and leap days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('default to the last 7 days, both ends inclusive', () => {
    expect(lastDays(7, 'Asia/Shanghai', new Date('2026-11-25T03:00:00Z'))).toEqual({ from: '2026-11-19', to: '2026-11-25' });
  });

  it('read a range from the route only when both dates are valid', () => {
    const fallback = { from: '2026-11-19', to: '2026-11-25' };
    expect(rangeFromParams(new URLSearchParams('from=2017-01-01&to=2017-01-07'), fallback)).toEqual({
      from: '2017-01-01',
      to: '2017-01-07',
    });
    expect(rangeFromParams(new URLSearchParams('from=2017-01-01'), fallback)).toBe(fallback);
    expect(rangeFromParams(new URLSearchParams('from=x&to=y'), fallback)).toBe(fallback);
  });

  it('label buckets in the project zone', () => {
    // Local midnight in Shanghai is 16:00 UTC the day before.
    expect(bucketLabel('2026-10-31T16:00:00Z', 'day', 'Asia/Shanghai')).toBe('2026-11-01');
    expect(bucketLabel('2026-10-31T16:00:00Z', 'month', 'Asia/Shanghai')).toBe('2026-11');
    expect(bucketLabel('2026-11-01T01:00:00Z', 'hour', 'Asia/Shanghai')).toBe('11-01 09:00');
    expect(bucketLabel('2026-10-31T16:00:00Z', 'hour', 'Asia/Shanghai')).toBe('11-01 00:00');
  });
});
