// Builds the analysis API's request JSON (docs/query-api.md, snake_case) from what the forms hold.
// Pure: the pages keep form state and call these; the server checks the rules and names the field
// of anything it refuses, so the forms do not repeat its validation.
import type {
  DistributionRequest,
  EventAnalysisRequest,
  FilterOp,
  FunnelRequest,
  Granularity,
  Literal,
  PropertyMeasure,
  RetentionRequest,
  RetentionUnit,
  CohortKind,
  SimpleMeasure,
  WireCriteria,
  WireFilter,
  WireMeasure,
  WireMetric,
} from '../api/analysis';
import type { DateRange } from './dates';

/** A property's type in the tracking plan: NUMBER, STRING, BOOL, LIST, DATETIME. */
export type PropertyTypes = Readonly<Record<string, string>>;

/** One row of a filter form: the values as typed, comma-separated for lists. */
export interface FilterRow {
  readonly property: string | null;
  readonly op: FilterOp;
  readonly text: string;
}

export type MeasureChoice = SimpleMeasure | PropertyMeasure;

export interface MetricForm {
  /** Event names; none means any event. */
  readonly events: readonly string[];
  readonly measure: MeasureChoice;
  /** The property of sum, avg, min, max and distinct. */
  readonly property: string | null;
}

export const PAGE_VIEW_EVENTS = ['$pageview', '$AppViewScreen'] as const;
/** 浏览量 PV and 访客数 UV, as docs/analyses.md names them. */
export const PV: MetricForm = { events: PAGE_VIEW_EVENTS, measure: 'events', property: null };
export const UV: MetricForm = { events: PAGE_VIEW_EVENTS, measure: 'users', property: null };

export const PROPERTY_MEASURES: readonly PropertyMeasure[] = ['sum', 'avg', 'min', 'max', 'distinct'];
export const NUMERIC_MEASURES: readonly PropertyMeasure[] = ['sum', 'avg', 'min', 'max'];

export function isPropertyMeasure(measure: MeasureChoice): measure is PropertyMeasure {
  return (PROPERTY_MEASURES as readonly string[]).includes(measure);
}

const LIST_OPS: readonly FilterOp[] = ['in', 'not_in', 'between'];
const NO_VALUE_OPS: readonly FilterOp[] = ['is_set', 'not_set'];

export function takesNoValue(op: FilterOp): boolean {
  return NO_VALUE_OPS.includes(op);
}

/**
 * The literals of a filter row: none for is_set / not_set, comma-separated for in, not_in and
 * between (full-width commas too), one otherwise. Text that reads as a number becomes a number on a
 * NUMBER property, and true / false a boolean on a BOOL property; anything else stays text, and the
 * server refuses it with the field named.
 */
export function filterValues(op: FilterOp, type: string | undefined, text: string): Literal[] {
  if (takesNoValue(op)) return [];
  const pieces = LIST_OPS.includes(op) ? text.split(/[,，]/) : [text];
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '').map((piece) => literal(type, piece));
}

function literal(type: string | undefined, text: string): Literal {
  if (type === 'NUMBER' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (type === 'BOOL' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The rows with a property, AND-ed; nothing when there are none. */
export function toFilter(rows: readonly FilterRow[], types: PropertyTypes): WireFilter | undefined {
  const comparisons: WireFilter[] = rows.flatMap((row) =>
    row.property === null
      ? []
      : [{ property: row.property, op: row.op, values: filterValues(row.op, types[row.property], row.text) }],
  );
  if (comparisons.length === 0) return undefined;
  return comparisons.length === 1 ? comparisons[0] : { all: comparisons };
}

export function toCriteria(events: readonly string[], rows: readonly FilterRow[], types: PropertyTypes): WireCriteria {
  const filter = toFilter(rows, types);
  return filter === undefined ? { events: [...events] } : { events: [...events], filter };
}

export function toMeasure(metric: MetricForm): WireMeasure {
  if (!isPropertyMeasure(metric.measure)) return metric.measure;
  return { [metric.measure]: metric.property ?? '' };
}

export function toMetric(metric: MetricForm): WireMetric {
  return { events: [...metric.events], measure: toMeasure(metric) };
}

export interface EventAnalysisForm {
  readonly metrics: readonly MetricForm[];
  readonly filters: readonly FilterRow[];
  readonly groupBy: readonly string[];
  readonly range: DateRange;
  readonly granularity: Granularity;
  readonly compare: boolean;
}

export function eventAnalysisRequest(form: EventAnalysisForm, types: PropertyTypes): EventAnalysisRequest {
  const filter = toFilter(form.filters, types);
  return {
    metrics: form.metrics.map(toMetric),
    ...(filter === undefined ? {} : { filter }),
    group_by: [...form.groupBy],
    from: form.range.from,
    to: form.range.to,
    granularity: form.granularity,
    compare_with_previous: form.compare,
  };
}

/**
 * The same analysis over the whole range in one bucket: the table's totals. Users and ratios do
 * not add up over buckets, so the totals are asked for rather than summed.
 */
export function totalsRequest(request: EventAnalysisRequest): EventAnalysisRequest {
  return { ...request, granularity: 'total' };
}

export type WindowUnit = 'minutes' | 'hours' | 'days';

const SECONDS: Readonly<Record<WindowUnit, number>> = { minutes: 60, hours: 3600, days: 86_400 };

export function windowSeconds(amount: number, unit: WindowUnit): number {
  return Math.round(amount * SECONDS[unit]);
}

export interface StepForm {
  readonly events: readonly string[];
  readonly filters: readonly FilterRow[];
}

export interface FunnelForm {
  readonly steps: readonly StepForm[];
  readonly window: number;
  readonly windowUnit: WindowUnit;
  readonly range: DateRange;
  readonly groupBy: string | null;
}

export function funnelRequest(form: FunnelForm, types: PropertyTypes): FunnelRequest {
  return {
    steps: form.steps.map((step) => toCriteria(step.events, step.filters, types)),
    window_seconds: windowSeconds(form.window, form.windowUnit),
    from: form.range.from,
    to: form.range.to,
    group_by: form.groupBy,
  };
}

export interface RetentionForm {
  readonly initial: StepForm;
  readonly returning: StepForm;
  readonly unit: RetentionUnit;
  readonly periods: number;
  readonly cohorts: CohortKind;
  readonly range: DateRange;
  readonly groupBy: string | null;
}

export function retentionRequest(form: RetentionForm, types: PropertyTypes): RetentionRequest {
  return {
    initial: toCriteria(form.initial.events, form.initial.filters, types),
    returning: toCriteria(form.returning.events, form.returning.filters, types),
    unit: form.unit,
    periods: form.periods,
    cohorts: form.cohorts,
    from: form.range.from,
    to: form.range.to,
    group_by: form.groupBy,
  };
}

export const DEFAULT_EVENTS_PER_USER_BOUNDS: readonly number[] = [2, 3, 5, 10, 20, 50];

export function eventsPerUserRequest(events: readonly string[], bounds: readonly number[], range: DateRange): DistributionRequest {
  return { kind: 'events_per_user', events: { events: [...events] }, bounds: [...bounds], from: range.from, to: range.to };
}

export function hourOfDayRequest(events: readonly string[], range: DateRange): DistributionRequest {
  return { kind: 'hour_of_day', events: { events: [...events] }, from: range.from, to: range.to };
}

/** Integer bounds typed as "2, 5, 10": sorted, distinct, above 1 (the first bucket is [1, b1)). */
export function parseBounds(text: string): number[] {
  const numbers = text
    .split(/[,，\s]+/)
    .map((piece) => Number(piece))
    .filter((n) => Number.isInteger(n) && n > 1);
  return [...new Set(numbers)].sort((a, b) => a - b);
}
