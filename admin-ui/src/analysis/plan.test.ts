import { describe, expect, it } from 'vitest';
import type { TrackingPlan } from '../api/types';
import { groupableProperties, numericProperties, pickEvent, propertyTypes } from './plan';

const property = (name: string, type: string) => ({
  name,
  type,
  display_name: null,
  display_name_en: null,
  description: null,
  unit: null,
  values: [],
  max_length: null,
  min: null,
  max: null,
  pii: null,
  collected_by: null,
  common: false,
  status: null,
});
const event = (name: string) => ({
  name,
  display_name: null,
  display_name_en: null,
  description: null,
  business_line: null,
  collected_by: null,
  trigger: null,
  status: null,
  properties: [],
});
const PLAN: TrackingPlan = {
  project: 'demo',
  version: 1,
  settings: { unknown_data_policy: 'STRICT', time_zone: 'Asia/Shanghai' },
  business_lines: [],
  events: [event('Login'), event('SignUp')],
  properties: [property('amount', 'NUMBER'), property('tags', 'LIST'), property('theme', 'STRING'), property('at', 'DATETIME')],
};

describe('plan options', () => {
  it('type properties and offer only groupable or numeric ones where asked', () => {
    expect(propertyTypes(PLAN)).toEqual({ amount: 'NUMBER', tags: 'LIST', theme: 'STRING', at: 'DATETIME' });
    expect(groupableProperties(PLAN)).toEqual(['amount', 'theme']);
    expect(numericProperties(PLAN)).toEqual(['amount']);
  });

  it('pick a preferred event the plan has, else one by position', () => {
    expect(pickEvent(PLAN, ['$AppStart', 'SignUp'])).toBe('SignUp');
    expect(pickEvent(PLAN, ['$AppStart'], 1)).toBe('SignUp');
    expect(pickEvent({ ...PLAN, events: [] }, ['SignUp'])).toBeNull();
  });
});
