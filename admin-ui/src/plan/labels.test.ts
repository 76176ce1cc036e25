import { describe, expect, it } from 'vitest';
import type { TrackingPlan } from '../api/types';
import { planLabels } from './labels';

const plan: TrackingPlan = {
  project: 'demo',
  version: 1,
  settings: { unknown_data_policy: 'STRICT', time_zone: 'Asia/Shanghai' },
  business_lines: [],
  events: [
    {
      name: 'BindCard',
      display_name: '绑定银行卡',
      display_name_en: 'Bind card',
      description: null,
      business_line: 'platform',
      collected_by: 'BACK_END',
      trigger: null,
      status: 'ACTIVE',
      properties: [],
    },
  ],
  properties: [
    {
      name: 'result',
      display_name: '结果',
      display_name_en: 'Result',
      description: null,
      type: 'STRING',
      unit: null,
      values: [{ value: 'fail', label: '失败', label_en: 'Failure', deprecated: false }],
      max_length: null,
      min: null,
      max: null,
      pii: 'NONE',
      collected_by: 'BOTH',
      common: false,
      status: 'ACTIVE',
    },
  ],
};

describe('planLabels', () => {
  it('names events and properties in the chosen language', () => {
    expect(planLabels(plan, 'zh-CN').eventName('BindCard')).toBe('绑定银行卡');
    expect(planLabels(plan, 'en').eventName('BindCard')).toBe('Bind card');
    expect(planLabels(plan, 'zh-CN').propertyName('result')).toBe('结果');
    expect(planLabels(plan, 'en').propertyValue('result', 'fail')).toBe('Failure');
  });

  it('falls back to the server display name, then the raw name', () => {
    expect(planLabels(null, 'zh-CN').eventName('Login', '登录')).toBe('登录');
    expect(planLabels(plan, 'zh-CN').propertyName('$ip')).toBe('$ip');
    expect(planLabels(plan, 'zh-CN').propertyValue('result', 'success')).toBe('success');
  });
});
