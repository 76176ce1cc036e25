import { describe, expect, it } from 'vitest';
import type { SignedIn } from '../api/types';
import { sessionState } from './state';

const user = (mustChange: boolean): SignedIn => ({
  authenticated: true,
  username: 'li.lei',
  role: 'ANALYST',
  business_lines: ['p2p'],
  must_change_password: mustChange,
});

const SIGNED_OUT = { authenticated: false, username: null, role: null, business_lines: null, must_change_password: null } as const;

describe('the screen for a session', () => {
  it('is the sign-in page when no one is signed in', () => {
    expect(sessionState(SIGNED_OUT)).toEqual({ kind: 'signedOut', notice: null });
    expect(sessionState(SIGNED_OUT, { key: 'signIn.signedOut' })).toEqual({
      kind: 'signedOut',
      notice: { key: 'signIn.signedOut' },
    });
  });

  it('is the password change for a temporary password', () => {
    expect(sessionState(user(true))).toEqual({ kind: 'mustChangePassword', user: user(true) });
  });

  it('is the console otherwise', () => {
    expect(sessionState(user(false))).toEqual({ kind: 'signedIn', user: user(false) });
  });
});
