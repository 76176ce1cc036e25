// What the analysis forms offer from the project's tracking plan: its events, the properties one
// can filter or group by, and each property's type (which decides how filter values are typed).
import type { TrackingPlan } from '../api/types';
import type { PropertyTypes } from './requests';

export function propertyTypes(plan: TrackingPlan): PropertyTypes {
  return Object.fromEntries(plan.properties.map((p) => [p.name, p.type]));
}

/** Properties a group-by accepts: not lists and not date-times (docs/query-api.md). */
export function groupableProperties(plan: TrackingPlan): string[] {
  return plan.properties.filter((p) => p.type !== 'LIST' && p.type !== 'DATETIME').map((p) => p.name);
}

export function numericProperties(plan: TrackingPlan): string[] {
  return plan.properties.filter((p) => p.type === 'NUMBER').map((p) => p.name);
}

/** The first of `preferred` the plan defines, else its event at `fallbackIndex`, else none. */
export function pickEvent(plan: TrackingPlan, preferred: readonly string[], fallbackIndex = 0): string | null {
  const names = plan.events.map((e) => e.name);
  return preferred.find((name) => names.includes(name)) ?? names[fallbackIndex] ?? null;
}
