// Distribution buckets as bar labels: [1, 2) is "1", [2, 5) is "2–4", [50, ∞) is "≥ 50" for
// events per user; hours 0..23 by their local hour.
import type { DistributionBucket } from '../api/analysis';
import { toNumber } from '../analysis/series';

export interface Bar {
  readonly label: string;
  readonly users: number;
  readonly events: number;
}

/** Events-per-user buckets: whole counts, so [a, b) reads "a–(b−1)", or "a" when b = a + 1. */
export function eventsPerUserBars(buckets: readonly DistributionBucket[]): Bar[] {
  return buckets.map((bucket) => {
    const from = toNumber(bucket.from);
    const to = toNumber(bucket.to);
    const label =
      from === null ? `< ${to ?? ''}` : to === null ? `≥ ${from}` : to - from === 1 ? String(from) : `${from}–${to - 1}`;
    return { label, users: bucket.users, events: bucket.events };
  });
}

/** Hour-of-day buckets, labelled by `hourLabel` of the bucket's hour. */
export function hourBars(buckets: readonly DistributionBucket[], hourLabel: (hour: number) => string): Bar[] {
  return buckets.map((bucket, index) => ({
    label: hourLabel(toNumber(bucket.from) ?? index),
    users: bucket.users,
    events: bucket.events,
  }));
}
