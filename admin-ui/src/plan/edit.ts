// Editing the tracking plan in the browser: one event, property or business line changed or added
// in a copy of the plan document, which then goes to the server whole (PUT …/plan, a dry run first)
// so that the registry's rules, diff and version history apply as they do to an import. Pure, so
// that edits are unit-tested; the few rules simple enough to check while typing are here too, the
// rest are the server's (docs/tracking-plan.md, "Naming rules").
import type { BusinessLine, EventDefinition, PropertyDefinition, TrackingPlan } from '../api/types';

export type PlanEdit =
  | { readonly kind: 'event'; readonly item: EventDefinition; readonly isNew: boolean }
  | { readonly kind: 'property'; readonly item: PropertyDefinition; readonly isNew: boolean }
  | { readonly kind: 'line'; readonly item: BusinessLine; readonly isNew: boolean };

export type EditKind = PlanEdit['kind'];

/** The plan's list each kind lives in, as the document (and the server's error paths) names it. */
export const LISTS: Readonly<Record<EditKind, 'events' | 'properties' | 'business_lines'>> = {
  event: 'events',
  property: 'properties',
  line: 'business_lines',
};

export interface EditedPlan {
  readonly plan: TrackingPlan;
  /** Where the edited item is in the plan's list: the server's error paths name it by index. */
  readonly index: number;
}

/**
 * The plan with the edit applied: a changed item replaces the one of its name in place, a new one
 * is appended. The plan's `version` stays, so the server takes it as the base version (and answers
 * 409 if someone saved another meanwhile). Blank texts become absent.
 */
export function applyEdit(plan: TrackingPlan, edit: PlanEdit): EditedPlan {
  switch (edit.kind) {
    case 'event': {
      const [events, index] = put(plan.events, normalizeEvent(edit.item), edit.isNew);
      return { plan: { ...plan, events }, index };
    }
    case 'property': {
      const [properties, index] = put(plan.properties, normalizeProperty(edit.item), edit.isNew);
      return { plan: { ...plan, properties }, index };
    }
    case 'line': {
      const [business_lines, index] = put(plan.business_lines, normalizeLine(edit.item), edit.isNew);
      return { plan: { ...plan, business_lines }, index };
    }
  }
}

function put<T extends { readonly name: string }>(items: readonly T[], item: T, isNew: boolean): [T[], number] {
  const at = isNew ? -1 : items.findIndex((existing) => existing.name === item.name);
  if (at < 0) return [[...items, item], items.length];
  return [items.map((existing, i) => (i === at ? item : existing)), at];
}

function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function numberOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || Number.isNaN(value) ? null : value;
}

function normalizeEvent(event: EventDefinition): EventDefinition {
  return {
    ...event,
    name: event.name.trim(),
    display_name: text(event.display_name),
    display_name_en: text(event.display_name_en),
    description: text(event.description),
    business_line: text(event.business_line),
    trigger: text(event.trigger),
    properties: (event.properties ?? [])
      .filter((p) => text(p.name) !== null)
      .map((p) => ({ name: p.name.trim(), required: p.required === true })),
  };
}

function normalizeProperty(property: PropertyDefinition): PropertyDefinition {
  return {
    ...property,
    name: property.name.trim(),
    display_name: text(property.display_name),
    display_name_en: text(property.display_name_en),
    description: text(property.description),
    unit: text(property.unit),
    values: (property.values ?? [])
      .filter((v) => text(v.value) !== null)
      .map((v) => ({ value: v.value.trim(), label: text(v.label), label_en: text(v.label_en), deprecated: v.deprecated === true })),
    max_length: numberOrNull(property.max_length),
    min: numberOrNull(property.min),
    max: numberOrNull(property.max),
    common: property.common === true,
  };
}

function normalizeLine(line: BusinessLine): BusinessLine {
  return {
    ...line,
    name: line.name.trim(),
    event_prefix: text(line.event_prefix),
    display_name: text(line.display_name),
    display_name_en: text(line.display_name_en),
    owner: text(line.owner),
  };
}

/** A new, empty item of each kind, with the plan's defaults (ACTIVE, BOTH, NONE). */
export function newEvent(businessLine: string | null = null): EventDefinition {
  return {
    name: '',
    display_name: null,
    display_name_en: null,
    description: null,
    business_line: businessLine,
    collected_by: 'BOTH',
    trigger: null,
    status: 'ACTIVE',
    properties: [],
  };
}

export function newProperty(): PropertyDefinition {
  return {
    name: '',
    display_name: null,
    display_name_en: null,
    description: null,
    type: 'STRING',
    unit: null,
    values: [],
    max_length: null,
    min: null,
    max: null,
    pii: 'NONE',
    collected_by: 'BOTH',
    common: false,
    status: 'ACTIVE',
  };
}

export function newLine(): BusinessLine {
  return { name: '', event_prefix: null, display_name: null, display_name_en: null, owner: null };
}

/** The columns of stored events, which no plan name may take (PlanRules' RESERVED_NAME). */
const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'date', 'datetime', 'distinct_id', 'event', 'events', 'event_date', 'first_id', 'id', 'insert_id',
  'original_id', 'device_id', 'project', 'properties', 'received_at', 'received_at_ms', 'second_id',
  'time', 'time_ms', 'track_id', 'type', 'user_id', 'users',
]);

export type NameProblem = 'REQUIRED' | 'SYSTEM_NAME' | 'INVALID_NAME' | 'NAME_TOO_LONG' | 'RESERVED_NAME' | 'DUPLICATE_NAME';

/**
 * What is wrong with the name of a new event, property or line, in the server's codes, or null.
 * `$` names are the presets' (only the system defines them); a name that differs from a taken one
 * only in case is a duplicate too, as the server sees it.
 */
export function nameProblem(name: string, taken: readonly string[]): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'REQUIRED';
  if (trimmed.startsWith('$')) return 'SYSTEM_NAME';
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(trimmed)) return 'INVALID_NAME';
  if (trimmed.length > 100) return 'NAME_TOO_LONG';
  if (RESERVED_NAMES.has(trimmed.toLowerCase())) return 'RESERVED_NAME';
  const lower = trimmed.toLowerCase();
  if (taken.some((other) => other.toLowerCase() === lower)) return 'DUPLICATE_NAME';
  return null;
}

export type PrefixProblem = 'INVALID_PREFIX' | 'DUPLICATE_PREFIX';

/** A line's event prefix: absent, or a letter, then letters, digits and `_`, ending in `_`, ≤ 20. */
export function prefixProblem(prefix: string | null, otherPrefixes: readonly (string | null)[]): PrefixProblem | null {
  const trimmed = text(prefix);
  if (trimmed !== null && (!/^[A-Za-z][A-Za-z0-9_]*_$/.test(trimmed) || trimmed.length > 20)) return 'INVALID_PREFIX';
  if (otherPrefixes.some((other) => text(other) === trimmed)) return 'DUPLICATE_PREFIX';
  return null;
}

/** A server error of an invalid-tracking-plan answer: `{path, code, message}`. */
export interface PlanError {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** The problem's `errors`, where they have the server's shape. */
export function planErrors(errors: unknown): PlanError[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error: unknown) => {
    if (typeof error !== 'object' || error === null) return [];
    const { path, code, message } = error as Record<string, unknown>;
    return typeof message === 'string'
      ? [{ path: typeof path === 'string' ? path : '', code: typeof code === 'string' ? code : '', message }]
      : [];
  });
}

/**
 * The server's errors on the edited item, by form field (`name`, `values.2.value` as Ant Design's
 * name path joined by dots), for showing next to the field; errors elsewhere in the plan are left
 * out (the form shows every error in a list too).
 */
export function fieldErrors(errors: readonly PlanError[], kind: EditKind, index: number): Map<string, string[]> {
  const prefix = `${LISTS[kind]}[${index}].`;
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    if (!error.path.startsWith(prefix)) continue;
    const field = error.path.slice(prefix.length).replace(/\[(\d+)\]/g, '.$1');
    byField.set(field, [...(byField.get(field) ?? []), error.message]);
  }
  return byField;
}
