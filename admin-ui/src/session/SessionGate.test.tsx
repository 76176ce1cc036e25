// @vitest-environment jsdom
// The console's root against a fake server: the sign-in page first, a wrong password said so, the
// shell with the signed-in user after the right one, the password change for a temporary password,
// and back to the sign-in page when a call answers 401.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SextantClient, type FetchLike } from '../api/client';
import SessionGate from './SessionGate';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  window.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;
});

let container: HTMLDivElement | null = null;
let root: Root | null = null;
// Unmounted before jsdom goes: a render React scheduled after the last test must not outlive the window.
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  container?.remove();
  container = null;
  window.location.hash = '';
});

const SETTLE_MS = 20_000;
vi.setConfig({ testTimeout: 3 * SETTLE_MS });

const SIGNED_OUT = { authenticated: false, username: null, role: null, business_lines: null, must_change_password: null };
const problem = (status: number, type: string, detail: string) => ({
  type: `https://sextant.dev/problems/${type}`,
  title: 'x',
  status,
  detail,
});

interface FakeServer {
  signedIn: boolean;
  mustChange: boolean;
  /** Every API call but the session's answers 401 session-ended (an admin changed the account). */
  ended: boolean;
  /** When set, reading the plan waits until the test answers it (a request in flight). */
  held?: Array<() => void>;
}

function client(server: FakeServer, unsafe: Array<string | null>): SextantClient {
  const answer = (status: number, body: unknown) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  const user = () => ({ authenticated: true, username: 'han.meimei', role: 'CUSTOMER_SERVICE', business_lines: [], must_change_password: server.mustChange });
  const fetchFn: FetchLike = (path, init = {}) => {
    const method = init.method ?? 'GET';
    if (method !== 'GET') unsafe.push((init.headers as Record<string, string>)['X-XSRF-TOKEN'] ?? null);
    if (path === '/api/v1/session' && method === 'GET') return answer(200, server.signedIn ? user() : SIGNED_OUT);
    if (path === '/api/v1/session' && method === 'POST') {
      if (new URLSearchParams(String(init.body)).get('password') !== 'right password') {
        return answer(401, problem(401, 'sign-in-failed', 'wrong username or password'));
      }
      server.signedIn = true;
      return answer(200, user());
    }
    if (path === '/api/v1/session' && method === 'DELETE') {
      server.signedIn = false;
      return Promise.resolve(new Response(null, { status: 204 }));
    }
    if (path === '/actuator/health') return answer(200, { status: 'UP' });
    const held = server.held;
    if (held && path.endsWith('/plan')) {
      return new Promise((resolve) => held.push(() => resolve(server.signedIn ? answer(404, problem(404, 'not-found', path)) : answer(401, problem(401, 'unauthenticated', 'sign in first')))));
    }
    if (!server.signedIn || server.ended) {
      server.signedIn = false;
      return answer(401, problem(401, 'session-ended', 'the account changed since you signed in; sign in again'));
    }
    return answer(404, problem(404, 'not-found', path));
  };
  return new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t0ken');
}

async function mount(api: SextantClient): Promise<HTMLElement> {
  const page = document.createElement('div');
  container = page;
  document.body.append(page);
  await act(async () => {
    root = createRoot(page);
    root.render(
      <SessionGate initialLocale="zh-CN" initialProject="demo" onLocaleChange={() => {}} onProjectChange={() => {}} client={api} />,
    );
  });
  return page;
}

async function until(page: HTMLElement, selector: string): Promise<Element> {
  const deadline = Date.now() + SETTLE_MS;
  while (Date.now() < deadline) {
    const found = page.querySelector(selector);
    if (found) return found;
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
  throw new Error(`${selector} did not show; page: ${page.textContent}`);
}

async function type(page: HTMLElement, selector: string, value: string): Promise<void> {
  const input = (await until(page, selector)) as HTMLInputElement;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(page: HTMLElement, selector: string): Promise<void> {
  const button = (await until(page, selector)) as HTMLButtonElement;
  await act(async () => button.click());
}

async function signIn(page: HTMLElement, password: string): Promise<void> {
  await type(page, '#signin-username', 'han.meimei');
  await type(page, '#signin-password', password);
  await click(page, '.signin-submit');
}

describe('the console behind its sign-in', () => {
  it('signs in after a wrong password, and shows who is signed in with the menu of their role', async () => {
    const unsafe: Array<string | null> = [];
    const page = await mount(client({ signedIn: false, mustChange: false, ended: false }, unsafe));
    await until(page, '#signin-username');
    expect(page.querySelector('.ant-menu')).toBeNull();

    await signIn(page, 'wrong password');
    expect((await until(page, '.signin-error')).textContent).toBe('用户名或密码错误');

    await signIn(page, 'right password');
    expect((await until(page, '.shell-user-name')).textContent).toBe('han.meimei');
    expect(page.querySelector('.shell-user-role')?.textContent).toBe('客服');
    const menu = [...page.querySelectorAll('.ant-menu-title-content')].map((item) => item.textContent);
    expect(menu).toEqual(['概览', '用户查询', '埋点方案']);
    expect(unsafe).toEqual(['t0ken', 't0ken']);
  });

  it('goes back to the sign-in page, saying why, when a call answers 401', async () => {
    window.location.hash = '#/plan';
    const page = await mount(client({ signedIn: true, mustChange: false, ended: true }, []));
    expect((await until(page, '.signin-notice')).textContent).toBe('账号信息已变更，请重新登录。');
    expect(page.querySelector('.shell-user-name')).toBeNull();
  });

  it('says the user signed out, not that the session ended, when a request in flight is refused then', async () => {
    const held: Array<() => void> = [];
    const page = await mount(client({ signedIn: true, mustChange: false, ended: false, held }, []));
    await until(page, '.sign-out');
    const deadline = Date.now() + SETTLE_MS;
    while (held.length === 0 && Date.now() < deadline) await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(held.length).toBeGreaterThan(0);
    await click(page, '.sign-out');
    await until(page, '.signin-notice');
    await act(async () => {
      for (const release of held) release();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(page.querySelector('.signin-notice')?.textContent).toBe('已退出登录。');
  });

  it('asks for a new password first when the password is temporary', async () => {
    const page = await mount(client({ signedIn: true, mustChange: true, ended: false }, []));
    await until(page, '#password-new');
    expect(page.querySelector('.shell-user-name')).toBeNull();
    await type(page, '#password-current', 'temporary password');
    await type(page, '#password-new', 'too short');
    await type(page, '#password-confirm', 'too short');
    await click(page, '.password-submit');
    expect((await until(page, '.password-invalid')).textContent).toBe('新密码至少需要 12 个字符');
  });
});
