// Which events of an action sequence are failures, for customer-service staff to spot at once:
// a `result` of fail/failure/failed, or any failure-reason, error or callback-failure property.
import type { Properties } from '../api/types';

const FAILED_RESULTS = new Set(['fail', 'failure', 'failed', 'error', 'false']);
const RESULT_KEYS = ['result', 'callback_result', 'pay_result', 'status'];
const FAILURE_KEY = /(^|_)(fail(ure)?_?reason|error(_?(code|msg|message))?|fail(ure)?_?code)$/i;

/** The property names that make the event a failure; empty when it is not one. */
export function failureProperties(properties: Properties): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    if (isEmpty(value)) continue;
    if (RESULT_KEYS.includes(key.toLowerCase()) && isFailedResult(value)) keys.push(key);
    else if (FAILURE_KEY.test(key)) keys.push(key);
    else if (/callback/i.test(key) && isFailedResult(value)) keys.push(key);
  }
  return keys;
}

export function isFailure(properties: Properties): boolean {
  return failureProperties(properties).length > 0;
}

function isFailedResult(value: unknown): boolean {
  if (value === false) return true;
  return typeof value === 'string' && FAILED_RESULTS.has(value.trim().toLowerCase());
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
