import { describe, expect, it } from 'vitest';
import type { UserEvent } from '../api/types';
import { groupIntoSessions, SESSION_GAP_MS } from './sessions';

function anEvent(name: string, time: string): UserEvent {
  return { event: name, display_name: null, distinct_id: 'u1', time, insert_id: `${name}-${time}`, properties: {} };
}

const names = (events: readonly UserEvent[]) => events.map((e) => e.event);

describe('groupIntoSessions', () => {
  it('returns no sessions for no events', () => {
    expect(groupIntoSessions([])).toEqual([]);
  });

  it('puts events at most 30 minutes apart in one session, newest first', () => {
    const sessions = groupIntoSessions([
      anEvent('Login', '2026-11-24T08:00:00Z'),
      anEvent('BindCard', '2026-11-24T08:30:00Z'),
      anEvent('P2P_Invest', '2026-11-24T08:10:00+00:00'),
    ]);
    expect(sessions).toHaveLength(1);
    expect(names(sessions[0]!.events)).toEqual(['BindCard', 'P2P_Invest', 'Login']);
    expect(sessions[0]!.startMs).toBe(Date.parse('2026-11-24T08:00:00Z'));
    expect(sessions[0]!.endMs).toBe(Date.parse('2026-11-24T08:30:00Z'));
  });

  it('starts a new session after a gap of more than 30 minutes', () => {
    const sessions = groupIntoSessions([
      anEvent('Login', '2026-11-24T08:00:00Z'),
      anEvent('Deposit', '2026-11-24T08:30:00.001Z'),
      anEvent('Withdraw', '2026-11-25T01:00:00Z'),
    ]);
    expect(sessions.map((s) => names(s.events))).toEqual([['Withdraw'], ['Deposit'], ['Login']]);
  });

  it('compares instants, not local clock text (offsets differ)', () => {
    const sessions = groupIntoSessions([
      anEvent('A', '2026-11-24T16:00:00+08:00'),
      anEvent('B', '2026-11-24T08:20:00Z'),
    ]);
    expect(sessions).toHaveLength(1);
    expect(names(sessions[0]!.events)).toEqual(['B', 'A']);
  });

  it('takes the gap as a parameter and skips unreadable times', () => {
    const sessions = groupIntoSessions(
      [anEvent('A', '2026-11-24T08:00:00Z'), anEvent('B', '2026-11-24T08:02:00Z'), anEvent('C', 'yesterday')],
      60_000,
    );
    expect(sessions.map((s) => names(s.events))).toEqual([['B'], ['A']]);
    expect(SESSION_GAP_MS).toBe(1_800_000);
  });
});
