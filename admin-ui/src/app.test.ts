// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { mountApp } from './app';
import type { HealthResult } from './health';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const text = (root: HTMLElement, selector: string) => root.querySelector(selector)?.textContent ?? null;

describe('the console page', () => {
  let root: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = '<main id="app"></main>';
    root = document.getElementById('app')!;
  });

  it('renders in Chinese by default and shows the product and features', () => {
    mountApp(root, { locale: 'zh-CN', fetchHealth: () => new Promise(() => {}) });
    expect(document.title).toBe('Sextant 六分仪');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(text(root, 'h1')).toBe('Sextant 六分仪');
    expect(text(root, '.features')).toBe('事件分析 · 漏斗 · 留存 · 用户分群 · 用户行为序列');
    expect(text(root, '.lang-switch')).toBe('English');
  });

  it('shows the health once the server answers', async () => {
    const answer = deferred<HealthResult>();
    const app = mountApp(root, { locale: 'zh-CN', fetchHealth: () => answer.promise });
    const done = app.refreshHealth();
    expect(text(root, '.status__text')).toBe('正在检查…');
    answer.resolve({ kind: 'status', status: 'UP', httpStatus: 200 });
    await done;
    expect(text(root, '.status__text')).toBe('运行正常');
    expect(root.querySelector('.status')?.classList).toContain('status--ok');
  });

  it('explains when the server cannot be reached, and can check again', async () => {
    const answers: HealthResult[] = [
      { kind: 'unreachable', reason: 'Failed to fetch' },
      { kind: 'status', status: 'UP', httpStatus: 200 },
    ];
    let calls = 0;
    const app = mountApp(root, { locale: 'en', fetchHealth: async () => answers[calls++]! });
    await app.refreshHealth();
    expect(text(root, '.status__text')).toContain('Cannot reach the Sextant server');
    expect(root.textContent).toContain('Reason: Failed to fetch');

    root.querySelector<HTMLButtonElement>('.retry')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    expect(text(root, '.status__text')).toBe('Up and running');
  });

  it('switches to English and back, keeping the health shown', async () => {
    const chosen: string[] = [];
    const app = mountApp(root, {
      locale: 'zh-CN',
      fetchHealth: async () => ({ kind: 'status', status: 'DOWN', httpStatus: 503 }),
      onLocaleChange: (locale) => chosen.push(locale),
    });
    await app.refreshHealth();
    root.querySelector<HTMLButtonElement>('.lang-switch')!.click();
    expect(app.locale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(text(root, '.status__text')).toBe('Down');
    expect(text(root, '.features')).toBe('Events · Funnels · Retention · Segments · User event sequences');
    expect(text(root, 'h1')).toBe('Sextant 六分仪');
    expect(document.activeElement).toBe(root.querySelector('.lang-switch'));

    root.querySelector<HTMLButtonElement>('.lang-switch')!.click();
    expect(text(root, '.status__text')).toBe('服务异常');
    expect(chosen).toEqual(['en', 'zh-CN']);
  });

  it('lists the API endpoints, linking the GET one', () => {
    mountApp(root, { locale: 'zh-CN', fetchHealth: () => new Promise(() => {}) });
    const items = [...root.querySelectorAll('.endpoints li')];
    expect(items.map((li) => li.querySelector('code')?.textContent)).toEqual([
      '/api/v1/events?project=demo',
      '/api/v1/projects/demo/users/{distinctId}/events',
    ]);
    expect(items[0]!.querySelector('a')).toBeNull();
    expect(items[1]!.querySelector('a')?.getAttribute('href')).toBe('/api/v1/projects/demo/users/demo-user/events');
  });
});
