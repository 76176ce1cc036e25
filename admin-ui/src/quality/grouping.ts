// Groups quarantined records by reason code and by event, for the data-quality page.
import type { QuarantinedRecord } from '../api/types';

export interface RecordGroup {
  readonly key: string;
  readonly records: readonly QuarantinedRecord[];
  /** ISO instant of the newest record. */
  readonly latest: string;
}

/** The event name in a record's payload, or null when the payload is not a JSON object with one. */
export function payloadEvent(record: QuarantinedRecord): string | null {
  try {
    const parsed: unknown = JSON.parse(record.payload);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const { event, type } = parsed as { event?: unknown; type?: unknown };
      if (typeof event === 'string' && event !== '') return event;
      if (typeof type === 'string' && type !== '') return type;
    }
  } catch {
    // not JSON: a malformed payload, kept as text
  }
  return null;
}

/** The payload pretty-printed when it is JSON, else as received. */
export function formatPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/** One group per reason code; a record with two reasons is in both groups. Largest group first. */
export function groupByReason(records: readonly QuarantinedRecord[]): RecordGroup[] {
  return groupBy(records, (record) => [...new Set(record.reasons.map((reason) => reason.code))]);
}

/** One group per event name; records whose payload names no event are under ''. */
export function groupByEvent(records: readonly QuarantinedRecord[]): RecordGroup[] {
  return groupBy(records, (record) => [payloadEvent(record) ?? '']);
}

function groupBy(
  records: readonly QuarantinedRecord[],
  keysOf: (record: QuarantinedRecord) => readonly string[],
): RecordGroup[] {
  const groups = new Map<string, QuarantinedRecord[]>();
  for (const record of records) {
    for (const key of keysOf(record)) {
      const group = groups.get(key) ?? [];
      group.push(record);
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .map(([key, members]) => ({
      key,
      records: members,
      latest: members.map((r) => r.received_at).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)),
    }))
    .sort((a, b) => b.records.length - a.records.length || a.key.localeCompare(b.key));
}
