// Replaying quarantined records (docs/query-api.md, "Quarantine and replay"): which records may be
// selected, the selection, the request, and the report's counts in a stable order.
import type { QuarantinedRecord, ReplayReport, ReplayRequest, ReplayStatus } from '../api/types';
import type { MessageKey } from '../i18n';

/** At most this many ids per call. */
export const MAX_REPLAY_IDS = 1000;

export const REPLAY_STATUSES: readonly ReplayStatus[] = ['replayed', 'would_replay', 'still_invalid', 'already_replayed', 'not_found'];

export const STATUS_COLORS: Readonly<Record<ReplayStatus, string>> = {
  replayed: 'success',
  would_replay: 'processing',
  still_invalid: 'error',
  already_replayed: 'default',
  not_found: 'warning',
};

export function statusLabel(status: ReplayStatus): MessageKey {
  return `replay.status.${status}` as MessageKey;
}

/** A record stored by an earlier replay is never stored again, so it is not offered. */
export function isReplayed(record: QuarantinedRecord): boolean {
  return record.replay !== null && record.replay !== undefined;
}

/** The ids of the records that may still be replayed. */
export function replayableIds(records: readonly QuarantinedRecord[]): string[] {
  return records.filter((r) => !isReplayed(r)).map((r) => r.quarantine_id);
}

export function toggled(selection: ReadonlySet<string>, id: string, selected: boolean): Set<string> {
  const next = new Set(selection);
  if (selected) next.add(id);
  else next.delete(id);
  return next;
}

/** Selects (or, with `selected` false, clears) every replayable record of a group. */
export function withGroup(selection: ReadonlySet<string>, records: readonly QuarantinedRecord[], selected: boolean): Set<string> {
  const next = new Set(selection);
  for (const id of replayableIds(records)) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** 'all', 'some' or 'none' of a group's replayable records are selected (for its checkbox). */
export function groupSelection(selection: ReadonlySet<string>, records: readonly QuarantinedRecord[]): 'all' | 'some' | 'none' {
  const ids = replayableIds(records);
  const chosen = ids.filter((id) => selection.has(id)).length;
  if (chosen === 0) return 'none';
  return chosen === ids.length ? 'all' : 'some';
}

/** The request for the selection, in the listing's order (newest first), at most MAX_REPLAY_IDS. */
export function replayRequest(
  selection: ReadonlySet<string>,
  records: readonly QuarantinedRecord[],
  options: { readonly dryRun: boolean; readonly asBackEnd: boolean },
): ReplayRequest {
  const ids = records.map((r) => r.quarantine_id).filter((id) => selection.has(id));
  return { ids: [...new Set(ids)].slice(0, MAX_REPLAY_IDS), dry_run: options.dryRun, as_back_end: options.asBackEnd };
}

/** The statuses the report has records of, in REPLAY_STATUSES order. */
export function reportCounts(report: ReplayReport): { readonly status: ReplayStatus; readonly count: number }[] {
  return REPLAY_STATUSES.map((status) => ({ status, count: report.counts[status] ?? 0 })).filter((c) => c.count > 0);
}

/** Whether the report stored anything, so the listing must be read again to show the replays. */
export function storedAny(report: ReplayReport): boolean {
  return !report.dry_run && (report.counts.replayed ?? 0) > 0;
}
