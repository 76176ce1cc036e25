import { describe, expect, it } from 'vitest';
import type { WireRule } from '../api/segments';
import {
  builderStart,
  depthOf,
  fromWireRule,
  nameIssue,
  newCondition,
  newGroup,
  previewKey,
  replaceAt,
  ruleAt,
  ruleIssues,
  toWireRule,
  UneditableRule,
  type ConditionForm,
  type RuleForm,
} from './rule';

const TYPES = { result: 'STRING', page_id: 'STRING', amount: 'NUMBER', is_first: 'BOOL' };

/** The case study's segment as the builder holds it: signed up in January, viewed the credit report, never invested. */
const CASE_STUDY: RuleForm = newGroup('all', [
  {
    ...newCondition('first_did', ['SignUp']),
    filters: [{ property: 'result', op: 'eq', text: 'success' }],
    window: { kind: 'between', from: '2017-01-01', to: '2017-01-31' },
  },
  {
    ...newCondition('did', ['$AppViewScreen', '$pageview']),
    filters: [{ property: 'page_id', op: 'eq', text: 'credit_report' }],
    window: { kind: 'between', from: '2017-01-01', to: '2017-02-14' },
  },
  { ...newCondition('did_not', ['P2P_InvestSuccess']), window: { kind: 'between', from: '2017-01-01', to: '2017-02-14' } },
]);

/** The same rule as CaseStudyCampaignIT posts it. */
const CASE_STUDY_JSON: WireRule = {
  all: [
    {
      first_did: { events: ['SignUp'], filter: { property: 'result', op: 'eq', values: ['success'] } },
      within: { from: '2017-01-01', to: '2017-01-31' },
    },
    {
      did: { events: ['$AppViewScreen', '$pageview'], filter: { property: 'page_id', op: 'eq', values: ['credit_report'] } },
      within: { from: '2017-01-01', to: '2017-02-14' },
    },
    { did_not: { events: ['P2P_InvestSuccess'] }, within: { from: '2017-01-01', to: '2017-02-14' } },
  ],
};

const condition = (change: Partial<ConditionForm>): ConditionForm => ({ ...newCondition('did', ['P2P_Invest']), ...change });

describe('toWireRule', () => {
  it('writes the case study segment as the API reads it', () => {
    expect(toWireRule(CASE_STUDY, TYPES)).toEqual(CASE_STUDY_JSON);
  });

  it.each<[string, Partial<ConditionForm>, WireRule]>([
    ['at least once, ever: no within, no times', {}, { did: { events: ['P2P_Invest'] } }],
    ['the last N days', { window: { kind: 'last_days', days: 45 } }, { did: { events: ['P2P_Invest'] }, within: { last_days: 45 } }],
    [
      'a count',
      { frequency: { kind: 'times', threshold: 'at_least', count: 3 } },
      { did: { events: ['P2P_Invest'] }, times: { at_least: 3 } },
    ],
    [
      'a sum of a number property',
      { verb: 'did_not', frequency: { kind: 'sum', property: 'amount', threshold: 'more_than', value: 1000.5 } },
      { did_not: { events: ['P2P_Invest'] }, sum: { property: 'amount', more_than: 1000.5 } },
    ],
    [
      'first did has no frequency',
      { verb: 'first_did', frequency: { kind: 'times', threshold: 'exactly', count: 2 } },
      { first_did: { events: ['P2P_Invest'] } },
    ],
    [
      'filters AND-ed, typed by the plan',
      {
        events: [],
        filters: [
          { property: 'amount', op: 'between', text: '100, 5000' },
          { property: 'is_first', op: 'eq', text: 'true' },
          { property: 'result', op: 'is_set', text: 'ignored' },
        ],
      },
      {
        did: {
          events: [],
          filter: {
            all: [
              { property: 'amount', op: 'between', values: [100, 5000] },
              { property: 'is_first', op: 'eq', values: [true] },
              { property: 'result', op: 'is_set', values: [] },
            ],
          },
        },
      },
    ],
  ])('%s', (_, change, wire) => {
    expect(toWireRule(condition(change), TYPES)).toEqual(wire);
  });

  it('nests any-groups in all-groups', () => {
    const form = newGroup('all', [newGroup('any', [condition({}), condition({ verb: 'did_not' })])]);
    expect(toWireRule(form, TYPES)).toEqual({ all: [{ any: [{ did: { events: ['P2P_Invest'] } }, { did_not: { events: ['P2P_Invest'] } }] }] });
  });
});

describe('fromWireRule', () => {
  it('reads the case study back into the same form', () => {
    expect(fromWireRule(CASE_STUDY_JSON)).toEqual(CASE_STUDY);
  });

  it('reads counts, sums and last days', () => {
    const rule: WireRule = { any: [{ did: { events: ['A'] }, within: { last_days: 7 }, times: { less_than: 2 } }, { did_not: { events: [] }, sum: { property: 'amount', at_most: 10 } }] };
    expect(toWireRule(fromWireRule(rule), TYPES)).toEqual(rule);
  });

  it('refuses what the form cannot show', () => {
    const orFilter: WireRule = { did: { events: ['A'], filter: { any: [{ property: 'result', op: 'eq', values: ['fail'] }] } } };
    expect(() => fromWireRule(orFilter)).toThrow(UneditableRule);
    const twoThresholds = { did: { events: ['A'] }, times: { at_least: 1, at_most: 3 } } as WireRule;
    expect(() => fromWireRule(twoThresholds)).toThrow(UneditableRule);
  });
});

describe('ruleIssues', () => {
  it('finds nothing wrong with the case study', () => {
    expect(ruleIssues(CASE_STUDY)).toEqual([]);
  });

  it.each<[string, RuleForm, string]>([
    ['an empty OR group', newGroup('any'), 'emptyAny'],
    ['no days', condition({ window: { kind: 'last_days', days: null } }), 'days'],
    ['zero days', condition({ window: { kind: 'last_days', days: 0 } }), 'days'],
    ['a missing date', condition({ window: { kind: 'between', from: '2017-01-01', to: '' } }), 'dates'],
    ['reversed dates', condition({ window: { kind: 'between', from: '2017-02-01', to: '2017-01-01' } }), 'datesReversed'],
    ['a negative count', condition({ frequency: { kind: 'times', threshold: 'at_least', count: -1 } }), 'count'],
    ['a fractional count', condition({ frequency: { kind: 'times', threshold: 'at_least', count: 1.5 } }), 'count'],
    ['a sum without a property', condition({ frequency: { kind: 'sum', property: null, threshold: 'at_least', value: 1 } }), 'sumProperty'],
    ['a sum without a value', condition({ frequency: { kind: 'sum', property: 'amount', threshold: 'at_least', value: null } }), 'sumValue'],
    ['a filter without a property', condition({ filters: [{ property: null, op: 'eq', text: 'x' }] }), 'filterProperty'],
    ['a filter without a value', condition({ filters: [{ property: 'result', op: 'eq', text: ' ' }] }), 'filterValue'],
  ])('reports %s', (_, form, problem) => {
    expect(ruleIssues(form).map((i) => i.problem)).toEqual([problem]);
  });

  it('ignores the frequency of a first-did condition and accepts an empty AND group (everyone)', () => {
    expect(ruleIssues(condition({ verb: 'first_did', frequency: { kind: 'times', threshold: 'at_least', count: null } }))).toEqual([]);
    expect(ruleIssues(newGroup('all'))).toEqual([]);
  });

  it('says where the issue is', () => {
    const form = newGroup('all', [condition({}), newGroup('any', [condition({ window: { kind: 'last_days', days: null } })])]);
    expect(ruleIssues(form)).toEqual([{ path: [1, 0], problem: 'days' }]);
  });

  it('refuses groups nested deeper than the server allows', () => {
    let form: RuleForm = condition({});
    for (let i = 0; i < 6; i++) form = newGroup('all', [form]);
    expect(depthOf(form)).toBe(6);
    expect(ruleIssues(form).map((i) => i.problem)).toContain('tooDeep');
    expect(ruleIssues(newGroup('all', [newGroup('all', [condition({})])]))).toEqual([]);
  });
});

describe('editing by path', () => {
  const form = newGroup('all', [condition({}), newGroup('any', [condition({ verb: 'did_not' })])]);

  it('finds, replaces and removes the rule at a path', () => {
    expect(ruleAt(form, [1, 0])).toEqual(condition({ verb: 'did_not' }));
    expect(ruleAt(form, [5])).toBeNull();
    const replaced = replaceAt(form, [1, 0], condition({ verb: 'first_did' }));
    expect(ruleAt(replaced, [1, 0])).toEqual(condition({ verb: 'first_did' }));
    expect(ruleAt(form, [1, 0])).toEqual(condition({ verb: 'did_not' }));
    const removed = replaceAt(form, [0], null);
    expect(removed.kind === 'group' && removed.rules.length).toBe(1);
  });
});

describe('previewKey and nameIssue', () => {
  it('tells rules and dates apart', () => {
    const rule = toWireRule(CASE_STUDY, TYPES);
    expect(previewKey(rule, '2017-02-14')).toBe(previewKey(toWireRule(fromWireRule(rule), TYPES), '2017-02-14'));
    expect(previewKey(rule, '2017-02-14')).not.toBe(previewKey(rule, '2017-02-15'));
  });

  it('wants 1 to 200 characters', () => {
    expect(nameIssue('高意向客户')).toBeNull();
    expect(nameIssue('  ')).toBe('nameMissing');
    expect(nameIssue('x'.repeat(201))).toBe('nameTooLong');
  });
});

describe('builderStart', () => {
  it('opens a saved rule in a top group', () => {
    expect(builderStart(CASE_STUDY_JSON)).toEqual(CASE_STUDY);
    expect(builderStart({ did: { events: ['A'] } })).toEqual(newGroup('all', [newCondition('did', ['A'])]));
  });

  it('gives up on what the form cannot show', () => {
    expect(builderStart({ did: { events: ['A'], filter: { any: [{ property: 'result', op: 'eq', values: ['fail'] }] } } })).toBeNull();
  });
});
