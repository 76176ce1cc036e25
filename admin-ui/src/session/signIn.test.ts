import { describe, expect, it } from 'vitest';
import { ApiError, networkProblem, toProblem } from '../api/problem';
import { translate } from '../i18n';
import { formatWait, newPasswordProblem, sessionEndedNotice, signInFailure } from './signIn';

const problem = (status: number, type: string, detail: string, retryAfter: number | null = null) =>
  new ApiError(toProblem(status, '', { type: `https://sextant.dev/problems/${type}`, title: 'x', status, detail }), retryAfter);

describe('a refused sign-in', () => {
  it('says the username or password is wrong, without saying which', () => {
    const message = signInFailure(problem(401, 'sign-in-failed', 'wrong username or password'), 'zh-CN');
    expect(message).toEqual({ key: 'signIn.failed' });
    expect(translate('zh-CN', message.key)).toBe('用户名或密码错误');
  });

  it('shows how long to wait when throttled, from Retry-After', () => {
    const message = signInFailure(problem(429, 'sign-in-throttled', 'try again in 845 s', 845), 'zh-CN');
    expect(translate('zh-CN', message.key, message.params)).toBe('登录失败次数过多，请在 14 分 5 秒后重试');
    const english = signInFailure(problem(429, 'sign-in-throttled', 'try again in 845 s', 845), 'en');
    expect(translate('en', english.key, english.params)).toBe('Too many failed sign-ins. Try again in 14 min 5 s.');
  });

  it('reads the wait from the detail when the header is missing', () => {
    const message = signInFailure(problem(429, 'sign-in-throttled', 'too many failed sign-ins; try again in 30 s'), 'zh-CN');
    expect(message.params).toEqual({ wait: '30 秒' });
  });

  it('says the server cannot be reached, or what it answered otherwise', () => {
    expect(signInFailure(new ApiError(networkProblem('Failed to fetch')), 'zh-CN')).toEqual({
      key: 'common.unreachable',
      params: { reason: 'Failed to fetch' },
    });
    expect(signInFailure(problem(403, 'csrf-token-missing', 'send the token'), 'zh-CN')).toEqual({
      key: 'signIn.error',
      params: { status: 403, detail: 'send the token' },
    });
  });
});

describe('the wait', () => {
  it.each([
    [1, '1 秒', '1 s'],
    [59.2, '1 分', '1 min'],
    [60, '1 分', '1 min'],
    [900, '15 分', '15 min'],
    [61, '1 分 1 秒', '1 min 1 s'],
  ])('of %s s reads %s / %s', (seconds, zh, en) => {
    expect(formatWait(seconds, 'zh-CN')).toBe(zh);
    expect(formatWait(seconds, 'en')).toBe(en);
  });
});

describe('the notice on the sign-in page', () => {
  it('tells an account change from an expired session', () => {
    expect(sessionEndedNotice(problem(401, 'session-ended', 'the account changed'))).toEqual({ key: 'signIn.sessionEnded' });
    expect(sessionEndedNotice(problem(401, 'unauthenticated', 'sign in first'))).toEqual({ key: 'signIn.expired' });
  });
});

describe('a new password', () => {
  it.each([
    ['short', 'short', 'password.tooShort'],
    ['十一个汉字的密码不够长啊', '十一个汉字的密码不够长啊', null],
    ['十一个汉字的密码不够长', '十一个汉字的密码不够长', 'password.tooShort'],
    ['x'.repeat(73), 'x'.repeat(73), 'password.tooLong'],
    ['密码'.repeat(13), '密码'.repeat(13), 'password.tooLong'],
    ['my-Admin-password', 'my-Admin-password', 'password.containsUsername'],
    ['correct horse battery', 'correct horse batterY', 'password.mismatch'],
    ['correct horse battery', 'correct horse battery', null],
  ])('%j confirmed as %j: %s', (password, confirmation, expected) => {
    expect(newPasswordProblem('admin', password, confirmation)?.key ?? null).toBe(expected);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(newPasswordProblem('a', '😀'.repeat(11), '😀'.repeat(11))?.key).toBe('password.tooShort');
  });
});
