// Display names from the tracking plan, for pages that show events and properties.
import type { Locale } from '../i18n';
import type { PropertyDefinition, TrackingPlan } from '../api/types';

export interface PlanLabels {
  eventName(name: string, fallback?: string | null): string;
  propertyName(name: string): string;
  /** An enum value's label (`fail` → 失败), else the value itself. */
  propertyValue(name: string, value: string): string;
  property(name: string): PropertyDefinition | undefined;
}

export function planLabels(plan: TrackingPlan | null, locale: Locale): PlanLabels {
  const events = new Map((plan?.events ?? []).map((e) => [e.name, e]));
  const properties = new Map((plan?.properties ?? []).map((p) => [p.name, p]));
  const pick = (zh: string | null | undefined, en: string | null | undefined) =>
    locale === 'en' ? (en ?? zh) : (zh ?? en);
  return {
    eventName: (name, fallback) => {
      const event = events.get(name);
      return pick(event?.display_name, event?.display_name_en) ?? fallback ?? name;
    },
    propertyName: (name) => {
      const property = properties.get(name);
      return pick(property?.display_name, property?.display_name_en) ?? name;
    },
    propertyValue: (name, value) => {
      const option = properties.get(name)?.values.find((v) => v.value === value);
      return pick(option?.label, option?.label_en) ?? value;
    },
    property: (name) => properties.get(name),
  };
}
