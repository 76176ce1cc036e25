// The segment builder's form and the rule JSON it stands for (docs/query-api.md, "Segments";
// SegmentRequests on the server). Pure: the page keeps a RuleForm, `toWireRule` writes what the API
// reads, `fromWireRule` reads a saved rule back into the form, and `ruleIssues` finds what the form
// can tell before asking the server (which checks everything again and names the field it refuses).
import type { FilterOp, WireCriteria, WireFilter } from '../api/analysis';
import type { Threshold, WireRule, WireWindow } from '../api/segments';
import { toCriteria, type FilterRow, type PropertyTypes, takesNoValue } from '../analysis/requests';

/** Groups nest at most this deep, with at most this many rules each (SegmentRule on the server). */
export const MAX_DEPTH = 5;
export const MAX_MEMBERS = 50;
/** `times` is 0 to 10⁹ (docs/analyses.md). */
export const MAX_TIMES = 1_000_000_000;

export const THRESHOLDS: readonly Threshold[] = ['at_least', 'at_most', 'exactly', 'more_than', 'less_than'];

export type Verb = 'did' | 'did_not' | 'first_did';
export const VERBS: readonly Verb[] = ['did', 'did_not', 'first_did'];

export type WindowForm =
  | { readonly kind: 'ever' }
  | { readonly kind: 'last_days'; readonly days: number | null }
  | { readonly kind: 'between'; readonly from: string; readonly to: string };

/** How often: at least once (the API's default), a count, or the sum of a number property. */
export type FrequencyForm =
  | { readonly kind: 'once' }
  | { readonly kind: 'times'; readonly threshold: Threshold; readonly count: number | null }
  | { readonly kind: 'sum'; readonly property: string | null; readonly threshold: Threshold; readonly value: number | null };

export interface ConditionForm {
  readonly kind: 'condition';
  readonly verb: Verb;
  /** None means any event. */
  readonly events: readonly string[];
  readonly filters: readonly FilterRow[];
  readonly window: WindowForm;
  /** Ignored for first_did, which has none. */
  readonly frequency: FrequencyForm;
}

export type Combinator = 'all' | 'any';

export interface GroupForm {
  readonly kind: 'group';
  readonly combinator: Combinator;
  readonly rules: readonly RuleForm[];
}

export type RuleForm = ConditionForm | GroupForm;

export function newCondition(verb: Verb = 'did', events: readonly string[] = []): ConditionForm {
  return { kind: 'condition', verb, events, filters: [], window: { kind: 'ever' }, frequency: { kind: 'once' } };
}

export function newGroup(combinator: Combinator = 'all', rules: readonly RuleForm[] = []): GroupForm {
  return { kind: 'group', combinator, rules };
}

/** The builder's rule as the API reads it. */
export function toWireRule(form: RuleForm, types: PropertyTypes): WireRule {
  if (form.kind === 'group') {
    const rules = form.rules.map((rule) => toWireRule(rule, types));
    return form.combinator === 'all' ? { all: rules } : { any: rules };
  }
  const criteria = toCriteria(form.events, form.filters, types);
  const within = toWireWindow(form.window);
  const windowPart = within === undefined ? {} : { within };
  if (form.verb === 'first_did') return { first_did: criteria, ...windowPart };
  const frequency = form.frequency;
  const frequencyPart =
    frequency.kind === 'times'
      ? { times: { [frequency.threshold]: frequency.count ?? 0 } }
      : frequency.kind === 'sum'
        ? { sum: { property: frequency.property ?? '', [frequency.threshold]: frequency.value ?? 0 } }
        : {};
  return form.verb === 'did'
    ? { did: criteria, ...windowPart, ...frequencyPart }
    : { did_not: criteria, ...windowPart, ...frequencyPart };
}

function toWireWindow(window: WindowForm): WireWindow | undefined {
  switch (window.kind) {
    case 'ever':
      return undefined;
    case 'last_days':
      return { last_days: window.days ?? 0 };
    case 'between':
      return { from: window.from, to: window.to };
  }
}

/** Why a saved rule cannot be opened in the builder: it uses what the form cannot show. */
export class UneditableRule extends Error {}

/**
 * A saved rule as the builder's form. Filters the form cannot show as AND-ed rows (an OR of
 * comparisons, nested groups) make the rule uneditable: the page shows its JSON instead.
 */
export function fromWireRule(rule: WireRule): RuleForm {
  if ('all' in rule) return newGroup('all', rule.all.map(fromWireRule));
  if ('any' in rule) return newGroup('any', rule.any.map(fromWireRule));
  const [verb, criteria]: [Verb, WireCriteria] =
    'first_did' in rule ? ['first_did', rule.first_did] : 'did' in rule ? ['did', rule.did] : ['did_not', rule.did_not];
  const within = rule.within;
  const window: WindowForm =
    within === undefined ? { kind: 'ever' } : 'last_days' in within ? { kind: 'last_days', days: within.last_days } : { kind: 'between', from: within.from, to: within.to };
  let frequency: FrequencyForm = { kind: 'once' };
  if ('times' in rule && rule.times !== undefined) {
    const threshold = thresholdOf(rule.times);
    frequency = { kind: 'times', threshold, count: rule.times[threshold] ?? null };
  } else if ('sum' in rule && rule.sum !== undefined) {
    const threshold = thresholdOf(rule.sum);
    frequency = { kind: 'sum', property: rule.sum.property, threshold, value: rule.sum[threshold] ?? null };
  }
  return { kind: 'condition', verb, events: [...(criteria.events ?? [])], filters: filterRows(criteria.filter), window, frequency };
}

function thresholdOf(value: Partial<Record<Threshold, number>>): Threshold {
  const present = THRESHOLDS.filter((t) => value[t] !== undefined);
  if (present.length !== 1 || present[0] === undefined) throw new UneditableRule('a frequency has exactly one threshold');
  return present[0];
}

function filterRows(filter: WireFilter | undefined): FilterRow[] {
  if (filter === undefined) return [];
  if ('property' in filter) return [{ property: filter.property, op: filter.op, text: filter.values.map(String).join(', ') }];
  if ('all' in filter) {
    return filter.all.map((part) => {
      if (!('property' in part)) throw new UneditableRule('nested filter groups');
      return { property: part.property, op: part.op as FilterOp, text: part.values.map(String).join(', ') };
    });
  }
  throw new UneditableRule('an OR of filters');
}

/** Where in the form something is wrong: the path of indices from the top group, and what. */
export interface RuleIssue {
  readonly path: readonly number[];
  readonly problem: IssueKind;
}

export type IssueKind =
  | 'emptyAny'
  | 'tooMany'
  | 'tooDeep'
  | 'days'
  | 'dates'
  | 'datesReversed'
  | 'count'
  | 'sumProperty'
  | 'sumValue'
  | 'filterProperty'
  | 'filterValue';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the form can tell is wrong before the server is asked; empty when it may be asked. */
export function ruleIssues(form: RuleForm, path: readonly number[] = [], depth = 0): RuleIssue[] {
  const issue = (problem: IssueKind): RuleIssue => ({ path, problem });
  if (form.kind === 'group') {
    const own: RuleIssue[] = [];
    if (form.combinator === 'any' && form.rules.length === 0) own.push(issue('emptyAny'));
    if (form.rules.length > MAX_MEMBERS) own.push(issue('tooMany'));
    if (depth >= MAX_DEPTH) own.push(issue('tooDeep'));
    return [...own, ...form.rules.flatMap((rule, i) => ruleIssues(rule, [...path, i], depth + 1))];
  }
  const issues: RuleIssue[] = [];
  const window = form.window;
  if (window.kind === 'last_days' && !(Number.isInteger(window.days) && (window.days ?? 0) >= 1)) issues.push(issue('days'));
  if (window.kind === 'between') {
    if (!DATE.test(window.from) || !DATE.test(window.to)) issues.push(issue('dates'));
    else if (window.from > window.to) issues.push(issue('datesReversed'));
  }
  if (form.verb !== 'first_did') {
    const frequency = form.frequency;
    if (frequency.kind === 'times' && !(Number.isInteger(frequency.count) && (frequency.count ?? -1) >= 0 && (frequency.count ?? 0) <= MAX_TIMES)) {
      issues.push(issue('count'));
    }
    if (frequency.kind === 'sum') {
      if (frequency.property === null) issues.push(issue('sumProperty'));
      if (frequency.value === null || !Number.isFinite(frequency.value)) issues.push(issue('sumValue'));
    }
  }
  for (const row of form.filters) {
    if (row.property === null) issues.push(issue('filterProperty'));
    else if (!takesNoValue(row.op) && row.text.trim() === '') issues.push(issue('filterValue'));
  }
  return issues;
}

/** How deep a rule nests, as the server counts it: 0 for a condition. */
export function depthOf(form: RuleForm): number {
  return form.kind === 'group' ? 1 + Math.max(0, ...form.rules.map(depthOf)) : 0;
}

/** The rule at `path` (indices from the top group), or null. */
export function ruleAt(form: RuleForm, path: readonly number[]): RuleForm | null {
  let current: RuleForm | null = form;
  for (const index of path) current = current?.kind === 'group' ? (current.rules[index] ?? null) : null;
  return current;
}

/** The form with the rule at `path` replaced; null removes it from its group. */
export function replaceAt(form: RuleForm, path: readonly number[], next: RuleForm | null): RuleForm {
  const [head, ...rest] = path;
  if (head === undefined) return next ?? newGroup();
  if (form.kind !== 'group') return form;
  const rules =
    rest.length === 0
      ? next === null
        ? form.rules.filter((_, i) => i !== head)
        : form.rules.map((rule, i) => (i === head ? next : rule))
      : form.rules.map((rule, i) => (i === head ? replaceAt(rule, rest, next) : rule));
  return { ...form, rules };
}

/** A stable text of a wire rule and its date, so a count can say which rule it is of. */
export function previewKey(rule: WireRule, asOf: string): string {
  return `${asOf}|${JSON.stringify(rule)}`;
}

/** The segment name the API takes: 1 to 200 characters, not only spaces. */
export function nameIssue(name: string): 'nameMissing' | 'nameTooLong' | null {
  if (name.trim() === '') return 'nameMissing';
  if (name.length > 200) return 'nameTooLong';
  return null;
}

/**
 * A saved rule as the builder starts from it (its top is always a group), or null when the form
 * cannot show it (see {@link fromWireRule}).
 */
export function builderStart(rule: WireRule): GroupForm | null {
  try {
    const form = fromWireRule(rule);
    return form.kind === 'group' ? form : newGroup('all', [form]);
  } catch (error) {
    if (error instanceof UneditableRule) return null;
    throw error;
  }
}
