import { describe, expect, it } from 'vitest';
import type { QuarantinedRecord, ReplayReport } from '../api/types';
import { groupSelection, isReplayed, replayableIds, replayRequest, reportCounts, storedAny, toggled, withGroup } from './replay';

const record = (id: string, replayed = false): QuarantinedRecord => ({
  project: 'demo',
  quarantine_id: id,
  received_at: '2026-11-01T00:00:00Z',
  reasons: [{ code: 'UNKNOWN_EVENT', path: 'event', message: 'not in the plan' }],
  payload: '{"event":"NoSuchEvent"}',
  replay: replayed ? { quarantine_id: id, replayed_at: '2026-11-02T00:00:00Z', insert_id: `i-${id}`, replayed_by: 'admin' } : null,
});

const report = (dryRun: boolean, counts: ReplayReport['counts']): ReplayReport => ({ dry_run: dryRun, counts, results: [] });

describe('replay selection', () => {
  const records = [record('a'), record('b', true), record('c')];

  it('offers only records not replayed yet', () => {
    expect(isReplayed(records[1]!)).toBe(true);
    expect(replayableIds(records)).toEqual(['a', 'c']);
  });

  it('selects and clears a whole group, skipping replayed records', () => {
    const all = withGroup(new Set(), records, true);
    expect([...all]).toEqual(['a', 'c']);
    expect(groupSelection(all, records)).toBe('all');
    expect(groupSelection(toggled(all, 'c', false), records)).toBe('some');
    expect(groupSelection(withGroup(all, records, false), records)).toBe('none');
  });

  it('keeps another group’s selection when a group is cleared', () => {
    const selection = new Set(['x', 'a']);
    expect([...withGroup(selection, records, false)]).toEqual(['x']);
  });

  it('asks for the selection in the listing’s order, once each', () => {
    const selection = new Set(['c', 'a']);
    expect(replayRequest(selection, [...records, record('a')], { dryRun: true, asBackEnd: false })).toEqual({
      ids: ['a', 'c'],
      dry_run: true,
      as_back_end: false,
    });
  });

  it('caps a request at 1000 ids', () => {
    const many = Array.from({ length: 1200 }, (_, i) => record(`r${i}`));
    const selection = new Set(many.map((r) => r.quarantine_id));
    expect(replayRequest(selection, many, { dryRun: false, asBackEnd: true }).ids).toHaveLength(1000);
  });
});

describe('replay report', () => {
  it('lists the statuses with records, in a fixed order', () => {
    const counts = reportCounts(report(false, { not_found: 1, replayed: 2, still_invalid: 0, already_replayed: 3, would_replay: 0 }));
    expect(counts).toEqual([
      { status: 'replayed', count: 2 },
      { status: 'already_replayed', count: 3 },
      { status: 'not_found', count: 1 },
    ]);
  });

  it('reloads the listing only after a replay that stored something', () => {
    expect(storedAny(report(false, { replayed: 1 }))).toBe(true);
    expect(storedAny(report(true, { would_replay: 1 }))).toBe(false);
    expect(storedAny(report(false, { still_invalid: 1 }))).toBe(false);
  });
});
