// What the segment builder offers from the project's tracking plan, and the names it gives files.
import type { TrackingPlan } from '../api/types';

/**
 * The properties a condition on `events` can filter by: those the plan lists for any of them, and
 * the common ones every event carries (SDK presets such as $os); every property for any event.
 */
export function eventProperties(plan: TrackingPlan, events: readonly string[]): string[] {
  if (events.length === 0) return plan.properties.map((p) => p.name);
  const listed = new Set(plan.events.filter((e) => events.includes(e.name)).flatMap((e) => e.properties.map((p) => p.name)));
  return plan.properties.filter((p) => p.common || listed.has(p.name)).map((p) => p.name);
}

/** The NUMBER properties of those: what a sum can add up. */
export function summableProperties(plan: TrackingPlan, events: readonly string[]): string[] {
  const allowed = new Set(eventProperties(plan, events));
  return plan.properties.filter((p) => p.type === 'NUMBER' && allowed.has(p.name)).map((p) => p.name);
}

/** `segment-高意向客户-2017-02-14.csv`: the name without characters file systems refuse. */
export function membersCsvName(segmentName: string, asOf: string): string {
  const safe = segmentName.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'members';
  return `segment-${safe}-${asOf}.csv`;
}
