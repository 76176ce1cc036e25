// Which screen the console shows for its session: pure, so that the choice is unit-tested.
import type { ApiError } from '../api/problem';
import type { Session, SignedIn } from '../api/types';
import type { Message } from './signIn';

export type SessionState =
  | { readonly kind: 'checking' }
  /** The session could not be read: the server is down or answered something unexpected. */
  | { readonly kind: 'unreachable'; readonly error: ApiError }
  /** The sign-in page, with why the console is there again, if it was signed in. */
  | { readonly kind: 'signedOut'; readonly notice: Message | null }
  /** The forced password change: a temporary password allows nothing else (403 otherwise). */
  | { readonly kind: 'mustChangePassword'; readonly user: SignedIn }
  | { readonly kind: 'signedIn'; readonly user: SignedIn };

export function sessionState(session: Session, notice: Message | null = null): SessionState {
  if (!session.authenticated) return { kind: 'signedOut', notice };
  return session.must_change_password ? { kind: 'mustChangePassword', user: session } : { kind: 'signedIn', user: session };
}
