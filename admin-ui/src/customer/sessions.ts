// Groups a user's action sequence into sessions, newest first. Computed in the browser until the
// query service offers sessions: a gap of more than 30 minutes between two events starts a new
// session (the Sensors Analytics default).
import type { UserEvent } from '../api/types';

export const SESSION_GAP_MS = 30 * 60 * 1000;

export interface Session {
  /** The session's events, newest first. */
  readonly events: readonly UserEvent[];
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Sorts the events newest first and cuts them into sessions wherever two consecutive events are
 * more than `gapMs` apart. Events whose time cannot be read are left out.
 */
export function groupIntoSessions(events: readonly UserEvent[], gapMs = SESSION_GAP_MS): Session[] {
  const timed = events
    .map((event) => ({ event, ms: Date.parse(event.time) }))
    .filter(({ ms }) => !Number.isNaN(ms))
    .sort((a, b) => b.ms - a.ms);
  const sessions: Session[] = [];
  let current: { event: UserEvent; ms: number }[] = [];
  for (const item of timed) {
    const previous = current[current.length - 1];
    if (previous && previous.ms - item.ms > gapMs) {
      sessions.push(toSession(current));
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) sessions.push(toSession(current));
  return sessions;
}

function toSession(items: readonly { event: UserEvent; ms: number }[]): Session {
  return {
    events: items.map(({ event }) => event),
    endMs: items[0]?.ms ?? 0,
    startMs: items[items.length - 1]?.ms ?? 0,
  };
}
