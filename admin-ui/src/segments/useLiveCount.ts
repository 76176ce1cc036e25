// The builder's live count: the rule is counted (POST …/segments/preview) once it has not changed
// for a moment, so typing does not send a request per key; the last count stays on screen, marked
// stale, until the new one arrives. Answers to superseded requests are dropped.
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/problem';
import type { WireRule } from '../api/segments';
import { useConsole } from '../shell/context';
import { asApiError } from '../shell/useRemote';
import { previewKey } from './rule';

export const COUNT_DELAY_MS = 500;

export interface LiveCount {
  /** The latest count, and the rule and date it is of; null before the first. */
  readonly counted: { readonly key: string; readonly users: number } | null;
  /** Waiting for the rule to settle, or asking the server. */
  readonly busy: boolean;
  /** Whether the count shown is of another rule than the one in the form. */
  readonly stale: boolean;
  /** Why the current rule could not be counted; null otherwise. */
  readonly error: ApiError | null;
}

/** `rule` null: the form has issues and is not counted (the last count turns stale). */
export function useLiveCount(rule: WireRule | null, asOf: string, delayMs = COUNT_DELAY_MS): LiveCount {
  const { client, project } = useConsole();
  const key = rule === null ? null : previewKey(rule, asOf);
  const [counted, setCounted] = useState<LiveCount['counted']>(null);
  const [failed, setFailed] = useState<{ readonly key: string; readonly error: ApiError } | null>(null);
  const latest = useRef<string | null>(null);
  latest.current = key;

  useEffect(() => {
    if (key === null || rule === null) return undefined;
    const timer = setTimeout(() => {
      client.previewSegment(project, { rule, as_of: asOf }).then(
        (answer) => {
          if (latest.current !== key) return;
          setCounted({ key, users: answer.users });
          setFailed(null);
        },
        (error: unknown) => {
          if (latest.current !== key) return;
          setFailed({ key, error: asApiError(error) });
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
    // `rule` is a new object on every render; `key` says when it changed.
  }, [key, project]);

  const error = failed !== null && failed.key === key ? failed.error : null;
  const fresh = counted !== null && counted.key === key;
  return {
    counted,
    busy: key !== null && !fresh && error === null,
    stale: counted !== null && !fresh,
    error,
  };
}
