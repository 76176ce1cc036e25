import { describe, expect, it } from 'vitest';
import { failureProperties, isFailure } from './failures';

describe('failure detection', () => {
  it.each([
    [{ result: 'fail' }, ['result']],
    [{ result: 'Failure' }, ['result']],
    [{ result: 'failed', fail_reason: '卡号错误' }, ['result', 'fail_reason']],
    [{ fail_reason: '余额不足' }, ['fail_reason']],
    [{ failure_reason: 'timeout' }, ['failure_reason']],
    [{ error: 'E42' }, ['error']],
    [{ error_code: '1001' }, ['error_code']],
    [{ pay_error_msg: 'bank declined' }, ['pay_error_msg']],
    [{ callback_result: 'fail' }, ['callback_result']],
    [{ bank_callback_status: 'FAILED' }, ['bank_callback_status']],
    [{ callback_success: false }, ['callback_success']],
  ])('flags %j', (properties, keys) => {
    expect(failureProperties(properties)).toEqual(keys);
    expect(isFailure(properties)).toBe(true);
  });

  it.each([
    [{}],
    [{ result: 'success' }],
    [{ fail_reason: '' }],
    [{ error: null }],
    [{ callback_result: 'success' }],
    [{ amount: 100, product_id: 'wy-90' }],
    [{ error_rate: 0 }],
  ])('does not flag %j', (properties) => {
    expect(isFailure(properties)).toBe(false);
  });
});
