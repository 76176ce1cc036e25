import { describe, expect, it } from 'vitest';
import type { TrackingPlan } from '../api/types';
import { applyEdit, fieldErrors, nameProblem, newEvent, newLine, newProperty, planErrors, prefixProblem } from './edit';

const plan: TrackingPlan = {
  project: 'demo',
  version: 7,
  settings: { unknown_data_policy: 'STRICT', time_zone: 'Asia/Shanghai' },
  business_lines: [
    { name: 'p2p', event_prefix: 'P2P_', display_name: 'P2P 理财', display_name_en: null, owner: null },
    { name: 'platform', event_prefix: null, display_name: '公共平台', display_name_en: null, owner: null },
  ],
  events: [
    { ...newEvent('p2p'), name: 'P2P_Invest', display_name: 'P2P 投资', properties: [{ name: 'product_id', required: true }] },
    { ...newEvent('platform'), name: 'Login' },
  ],
  properties: [
    { ...newProperty(), name: 'product_id', max_length: 64 },
    {
      ...newProperty(),
      name: 'product_type',
      values: [{ value: 'regular', label: '定期理财', label_en: null, deprecated: false }],
    },
  ],
};

describe('applyEdit', () => {
  it('replaces a changed item in place and keeps the base version', () => {
    const type = plan.properties[1]!;
    const edited = applyEdit(plan, {
      kind: 'property',
      isNew: false,
      item: { ...type, values: [...type.values, { value: 'vip', label: ' 会员专享 ', label_en: '', deprecated: false }] },
    });
    expect(edited.index).toBe(1);
    expect(edited.plan.version).toBe(7);
    expect(edited.plan.properties.map((p) => p.name)).toEqual(['product_id', 'product_type']);
    expect(edited.plan.properties[1]!.values).toEqual([
      { value: 'regular', label: '定期理财', label_en: null, deprecated: false },
      { value: 'vip', label: '会员专享', label_en: null, deprecated: false },
    ]);
    expect(plan.properties[1]!.values).toHaveLength(1);
  });

  it('appends a new item, with blank texts and empty rows left out', () => {
    const edited = applyEdit(plan, {
      kind: 'event',
      isNew: true,
      item: {
        ...newEvent('p2p'),
        name: ' P2P_ShareProduct ',
        display_name: '分享产品',
        trigger: '   ',
        collected_by: 'FRONT_END',
        properties: [
          { name: 'product_id', required: true },
          { name: '', required: false },
          { name: 'share_channel', required: undefined as unknown as boolean },
        ],
      },
    });
    expect(edited.index).toBe(2);
    expect(edited.plan.events[2]).toEqual({
      ...newEvent('p2p'),
      name: 'P2P_ShareProduct',
      display_name: '分享产品',
      collected_by: 'FRONT_END',
      properties: [
        { name: 'product_id', required: true },
        { name: 'share_channel', required: false },
      ],
    });
    expect(edited.plan.events.slice(0, 2)).toEqual(plan.events);
  });

  it('keeps number bounds and clears the missing ones', () => {
    const edited = applyEdit(plan, {
      kind: 'property',
      isNew: true,
      item: { ...newProperty(), name: 'amount', type: 'NUMBER', min: 0, max: undefined as unknown as null, max_length: Number.NaN },
    });
    expect(edited.plan.properties[2]).toMatchObject({ name: 'amount', min: 0, max: null, max_length: null });
  });

  it('edits a business line', () => {
    const edited = applyEdit(plan, { kind: 'line', isNew: false, item: { ...plan.business_lines[1]!, display_name_en: 'Shared platform', event_prefix: '' } });
    expect(edited.index).toBe(1);
    expect(edited.plan.business_lines[1]).toEqual({ ...plan.business_lines[1], display_name_en: 'Shared platform', event_prefix: null });
    const added = applyEdit(plan, { kind: 'line', isNew: true, item: { ...newLine(), name: 'fund', event_prefix: 'fund_' } });
    expect(added.plan.business_lines.map((l) => l.name)).toEqual(['p2p', 'platform', 'fund']);
  });
});

describe('nameProblem', () => {
  it.each([
    ['P2P_ShareProduct', null],
    ['', 'REQUIRED'],
    ['  ', 'REQUIRED'],
    ['$AppShare', 'SYSTEM_NAME'],
    ['2fa_result', 'INVALID_NAME'],
    ['share-channel', 'INVALID_NAME'],
    ['分享', 'INVALID_NAME'],
    ['a'.repeat(101), 'NAME_TOO_LONG'],
    ['Distinct_ID', 'RESERVED_NAME'],
    ['time', 'RESERVED_NAME'],
    ['login', 'DUPLICATE_NAME'],
  ])('%s → %s', (name, problem) => {
    expect(nameProblem(name, ['Login', 'P2P_Invest'])).toBe(problem);
  });
});

describe('prefixProblem', () => {
  it.each([
    ['fund_', null],
    [null, 'DUPLICATE_PREFIX'],
    ['', 'DUPLICATE_PREFIX'],
    ['P2P_', 'DUPLICATE_PREFIX'],
    ['fund', 'INVALID_PREFIX'],
    ['_fund_', 'INVALID_PREFIX'],
    ['f-und_', 'INVALID_PREFIX'],
    [`${'f'.repeat(20)}_`, 'INVALID_PREFIX'],
  ])('%s → %s', (prefix, problem) => {
    expect(prefixProblem(prefix, ['P2P_', null])).toBe(problem);
  });

  it('lets the one line without a prefix be', () => {
    expect(prefixProblem(null, ['P2P_'])).toBeNull();
  });
});

describe('server errors', () => {
  const errors = planErrors([
    { path: 'events[2].name', code: 'EVENT_PREFIX_MISMATCH', message: 'the event of line p2p must start with P2P_' },
    { path: 'events[2].properties[1].name', code: 'UNDEFINED_PROPERTY', message: 'no property share' },
    { path: 'events[12].name', code: 'INVALID_NAME', message: 'another event' },
    { path: 'properties[2].name', code: 'INVALID_NAME', message: 'a property' },
    'not an error object',
    { path: 'events[2].status' },
  ]);

  it('reads the errors that have the server shape', () => {
    expect(errors).toHaveLength(4);
    expect(errors[0]).toEqual({ path: 'events[2].name', code: 'EVENT_PREFIX_MISMATCH', message: 'the event of line p2p must start with P2P_' });
    expect(planErrors(undefined)).toEqual([]);
  });

  it('puts the edited item errors on its form fields', () => {
    expect(fieldErrors(errors, 'event', 2)).toEqual(
      new Map([
        ['name', ['the event of line p2p must start with P2P_']],
        ['properties.1.name', ['no property share']],
      ]),
    );
    expect(fieldErrors(errors, 'property', 2)).toEqual(new Map([['name', ['a property']]]));
    expect(fieldErrors(errors, 'line', 0).size).toBe(0);
  });
});
