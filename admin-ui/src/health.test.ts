import { describe, expect, it } from 'vitest';
import { healthTone, isKnownStatus, parseHealthStatus } from './health';

describe('parseHealthStatus', () => {
  it('reads the status of an Actuator health document', () => {
    expect(parseHealthStatus({ status: 'UP' })).toBe('UP');
    expect(parseHealthStatus(JSON.parse('{"status":"DOWN","components":{"db":{"status":"DOWN"}}}'))).toBe(
      'DOWN',
    );
  });

  it('normalises case and whitespace, and keeps custom statuses', () => {
    expect(parseHealthStatus({ status: ' up ' })).toBe('UP');
    expect(parseHealthStatus({ status: 'degraded' })).toBe('DEGRADED');
  });

  it.each([null, undefined, 'UP', 42, [], [{ status: 'UP' }], {}, { status: '' }, { status: '  ' }, { status: 1 }, { state: 'UP' }])(
    'rejects %j',
    (body) => {
      expect(parseHealthStatus(body)).toBeNull();
    },
  );
});

describe('health tone', () => {
  it('maps statuses to how they are shown', () => {
    expect(healthTone({ kind: 'status', status: 'UP', httpStatus: 200 })).toBe('ok');
    expect(healthTone({ kind: 'status', status: 'DOWN', httpStatus: 503 })).toBe('down');
    expect(healthTone({ kind: 'status', status: 'OUT_OF_SERVICE', httpStatus: 503 })).toBe('warn');
    expect(healthTone({ kind: 'status', status: 'DEGRADED', httpStatus: 200 })).toBe('warn');
    expect(healthTone({ kind: 'unreachable', reason: 'timeout' })).toBe('unreachable');
  });

  it('knows the Spring Boot statuses', () => {
    expect(isKnownStatus('OUT_OF_SERVICE')).toBe(true);
    expect(isKnownStatus('DEGRADED')).toBe(false);
  });
});
