// What the sign-in and password-change screens say, decided without React: which message a refused
// sign-in shows, how long to wait when throttled, and what is wrong with a new password before the
// server is asked (the server checks again, and its refusal is shown as it words it).
import type { ApiError } from '../api/problem';
import type { Locale, MessageKey, Params } from '../i18n';

export interface Message {
  readonly key: MessageKey;
  readonly params?: Params;
}

/** docs/security.md: passwords have at least 12 characters and at most 72 bytes (bcrypt). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_BYTES = 72;

/** The message of a refused sign-in; `waitLeft` counts a throttle's wait down. */
export function signInFailure(error: ApiError, locale: Locale, waitLeft?: number): Message {
  if (error.isNetworkFailure) return { key: 'common.unreachable', params: { reason: error.message } };
  switch (error.code) {
    case 'sign-in-failed':
      return { key: 'signIn.failed' };
    case 'sign-in-throttled':
      return {
        key: 'signIn.throttled',
        params: { wait: formatWait(waitLeft ?? error.retryAfterSeconds ?? throttleFromDetail(error.problem.detail), locale) },
      };
    default:
      return { key: 'signIn.error', params: { status: error.problem.status, detail: error.message } };
  }
}

/** Why the console is back on the sign-in page, for a 401 answered to a signed-in call. */
export function sessionEndedNotice(error: ApiError): Message {
  return error.code === 'session-ended' ? { key: 'signIn.sessionEnded' } : { key: 'signIn.expired' };
}

/** The server also writes the wait in the detail ("try again in 840 s"); used if no header came. */
function throttleFromDetail(detail: string | null): number {
  const match = /(\d+)\s*s\b/.exec(detail ?? '');
  return match ? Number.parseInt(match[1] ?? '60', 10) : 60;
}

/** A wait in minutes and seconds: `14 分 5 秒`, `30 秒`; `14 min 5 s`, `30 s`. */
export function formatWait(seconds: number, locale: Locale): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const [min, sec] = locale === 'en' ? [' min', ' s'] : [' 分', ' 秒'];
  if (minutes === 0) return `${rest}${sec}`;
  return rest === 0 ? `${minutes}${min}` : `${minutes}${min} ${rest}${sec}`;
}

/** The first thing wrong with a new password, or null when the server may be asked. */
export function newPasswordProblem(username: string, password: string, confirmation: string): Message | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { key: 'password.tooShort', params: { min: MIN_PASSWORD_LENGTH } };
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES) {
    return { key: 'password.tooLong', params: { max: MAX_PASSWORD_BYTES } };
  }
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase())) return { key: 'password.containsUsername' };
  if (password !== confirmation) return { key: 'password.mismatch' };
  return null;
}
