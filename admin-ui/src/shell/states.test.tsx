// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SextantClient } from '../api/client';
import { ApiError, networkProblem, toProblem } from '../api/problem';
import type { Locale } from '../i18n';
import { ConsoleContext } from './context';
import { EmptyState, ErrorState } from './states';

beforeAll(() => {
  // React checks this flag before act(); jsdom has no matchMedia, which Ant Design's grid reads.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  window.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;
});

let container: HTMLDivElement | null = null;
afterEach(() => {
  container?.remove();
  container = null;
});

function render(node: React.ReactNode, locale: Locale = 'zh-CN'): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() =>
    root.render(
      <ConsoleContext.Provider value={{ locale, project: 'demo', client: new SextantClient(), user: null }}>{node}</ConsoleContext.Provider>,
    ),
  );
  return container;
}

describe('page states', () => {
  it('show a problem with its status, detail and broken rules', () => {
    const problem = toProblem(400, 'Bad Request', {
      type: 'https://sextant.dev/problems/invalid-tracking-plan',
      title: 'Invalid tracking plan',
      status: 400,
      detail: 'the plan breaks 1 rule',
      errors: [{ path: 'events.Foo.name', message: 'no business line prefix' }],
    });
    const text = render(<ErrorState error={new ApiError(problem)} onRetry={() => {}} />).textContent ?? '';
    expect(text).toContain('请求失败（400 Invalid tracking plan）');
    expect(text).toContain('the plan breaks 1 rule');
    expect(text).toContain('events.Foo.name: no business line prefix');
    // Ant Design spaces out a two-character Chinese button label.
    expect(text).toMatch(/重\s?试/);
  });

  it('say when the server cannot be reached, in English too', () => {
    const text = render(<ErrorState error={new ApiError(networkProblem('Failed to fetch'))} />, 'en').textContent;
    expect(text).toContain('Cannot reach the Sextant server: Failed to fetch');
  });

  it('show an empty state with its description', () => {
    expect(render(<EmptyState description="暂无数据" />).textContent).toContain('暂无数据');
  });
});
