import { describe, expect, it } from 'vitest';
import type { QuarantinedRecord } from '../api/types';
import { formatPayload, groupByEvent, groupByReason, payloadEvent } from './grouping';

function aRecord(id: string, codes: string[], payload: string, receivedAt = '2026-11-24T08:00:00Z'): QuarantinedRecord {
  return {
    project: 'demo',
    quarantine_id: id,
    received_at: receivedAt,
    reasons: codes.map((code) => ({ code, path: null, message: code })),
    payload,
    replay: null,
  };
}

const bindCard = aRecord('1', ['MISSING_REQUIRED_PROPERTY'], '{"event":"BindCard"}', '2026-11-24T08:00:00Z');
const login = aRecord(
  '2',
  ['MISSING_REQUIRED_PROPERTY', 'MISSING_REQUIRED_PROPERTY', 'WRONG_TYPE'],
  '{"event":"Login"}',
  '2026-11-24T09:00:00Z',
);
const unknown = aRecord('3', ['UNKNOWN_EVENT'], '{"event":"NoSuchEvent"}');
const malformed = aRecord('4', ['MALFORMED_PAYLOAD'], '{not json');
const signUp = aRecord('5', ['UNSUPPORTED_RECORD_TYPE'], '{"type":"track_signup"}');

describe('quarantine grouping', () => {
  it('groups by reason code, counting a record once per code, largest first', () => {
    const groups = groupByReason([bindCard, login, unknown]);
    expect(groups.map((g) => [g.key, g.records.length])).toEqual([
      ['MISSING_REQUIRED_PROPERTY', 2],
      ['UNKNOWN_EVENT', 1],
      ['WRONG_TYPE', 1],
    ]);
    expect(groups[0]!.latest).toBe('2026-11-24T09:00:00Z');
  });

  it('groups by the event named in the payload', () => {
    const groups = groupByEvent([bindCard, login, malformed, signUp]);
    expect(groups.map((g) => g.key)).toEqual(['', 'BindCard', 'Login', 'track_signup']);
  });

  it('reads the event name, or null for unreadable payloads', () => {
    expect(payloadEvent(bindCard)).toBe('BindCard');
    expect(payloadEvent(malformed)).toBeNull();
    expect(payloadEvent(aRecord('6', [], '[1,2]'))).toBeNull();
  });

  it('pretty-prints JSON payloads and keeps others as they are', () => {
    expect(formatPayload('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(formatPayload('{not json')).toBe('{not json');
  });
});
