import { describe, expect, it } from 'vitest';
import type { PropertyDefinition, TrackingPlan } from '../api/types';
import { eventProperties, membersCsvName, summableProperties } from './options';

const property = (name: string, type: string, common = false): PropertyDefinition => ({
  name,
  display_name: null,
  display_name_en: null,
  description: null,
  type,
  unit: null,
  values: [],
  max_length: null,
  min: null,
  max: null,
  pii: null,
  collected_by: null,
  common,
  status: null,
});

const event = (name: string, properties: string[]) => ({
  name,
  display_name: null,
  display_name_en: null,
  description: null,
  business_line: null,
  collected_by: null,
  trigger: null,
  status: null,
  properties: properties.map((p) => ({ name: p, required: false })),
});

const PLAN: TrackingPlan = {
  project: 'demo',
  version: 1,
  settings: { unknown_data_policy: 'STRICT', time_zone: 'Asia/Shanghai' },
  business_lines: [],
  events: [event('P2P_Invest', ['amount', 'result']), event('SignUp', ['result'])],
  properties: [property('$os', 'STRING', true), property('amount', 'NUMBER'), property('result', 'STRING'), property('page_id', 'STRING')],
};

describe('eventProperties', () => {
  it('offers the chosen events’ properties and the common ones, in plan order', () => {
    expect(eventProperties(PLAN, ['SignUp'])).toEqual(['$os', 'result']);
    expect(eventProperties(PLAN, ['SignUp', 'P2P_Invest'])).toEqual(['$os', 'amount', 'result']);
  });

  it('offers every property for any event', () => {
    expect(eventProperties(PLAN, [])).toEqual(['$os', 'amount', 'result', 'page_id']);
  });

  it('sums only numbers', () => {
    expect(summableProperties(PLAN, ['P2P_Invest'])).toEqual(['amount']);
    expect(summableProperties(PLAN, ['SignUp'])).toEqual([]);
  });
});

describe('membersCsvName', () => {
  it('names the segment and the date, without path characters', () => {
    expect(membersCsvName('高意向客户', '2017-02-14')).toBe('segment-高意向客户-2017-02-14.csv');
    expect(membersCsvName('a/b: c', '2017-02-14')).toBe('segment-a_b_c-2017-02-14.csv');
    expect(membersCsvName(' / ', '2017-02-14')).toBe('segment-members-2017-02-14.csv');
  });
});
