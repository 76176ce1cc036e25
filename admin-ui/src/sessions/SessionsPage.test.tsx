// @vitest-environment jsdom
// The sessions page against a fake server (the client's fetch answers canned JSON): it asks for the
// documented request at once, shows the ratios computed in TS, an empty range as the empty state,
// and a refused request in an alert.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SextantClient, type FetchLike } from '../api/client';
import type { TrackingPlan } from '../api/types';
import { ConsoleContext } from '../shell/context';
import SessionsPage from './SessionsPage';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  window.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;
});

let container: HTMLDivElement | null = null;
afterEach(() => {
  container?.remove();
  container = null;
});

const PLAN = {
  project: 'demo',
  version: 1,
  settings: { unknown_data_policy: 'STRICT', time_zone: 'Asia/Shanghai' },
  business_lines: [],
  events: [{ name: '$pageview', display_name: 'Web 浏览页面' }],
  properties: [{ name: 'page_id', display_name: '页面 ID', type: 'STRING' }],
} as unknown as TrackingPlan;

function server(status: number, body: unknown, requests: unknown[]): SextantClient {
  const fetchFn: FetchLike = (input, init) => {
    if (input.endsWith('/analyses/sessions')) requests.push(JSON.parse(String(init?.body)));
    const answer = input.endsWith('/plan') ? [200, PLAN] : [status, body];
    return Promise.resolve(new Response(JSON.stringify(answer[1]), { status: answer[0] as number }));
  };
  return new SextantClient(fetchFn, undefined, () => 'XSRF-TOKEN=test');
}

const SETTLE_MS = 20_000;
vi.setConfig({ testTimeout: 3 * SETTLE_MS });

async function render(params: string, client: SextantClient): Promise<HTMLElement> {
  const page = document.createElement('div');
  container = page;
  document.body.append(page);
  await act(async () => {
    createRoot(page).render(
      <ConsoleContext.Provider value={{ locale: 'zh-CN', project: 'demo', client, user: null }}>
        <SessionsPage params={new URLSearchParams(params)} />
      </ConsoleContext.Provider>,
    );
  });
  const settled = () => page.querySelector('.session-summary, .analysis-error, .analysis-result .state-empty') !== null;
  const deadline = Date.now() + SETTLE_MS;
  while (!settled() && Date.now() < deadline) await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  return page;
}

const text = (page: HTMLElement, selector: string) => page.querySelector(selector)?.textContent ?? null;

describe('sessions page', () => {
  it('asks for sessions of the route range and shows the totals, periods and dwell', async () => {
    const requests: unknown[] = [];
    const result = {
      buckets: [
        { start: '2026-10-31T16:00:00Z', sessions: 2, bounces: 1, duration_millis: 180_000, page_views: 4 },
        { start: '2026-11-01T16:00:00Z', sessions: 1, bounces: 0, duration_millis: 30_000, page_views: 2 },
      ],
      starts_by_hour: Array.from({ length: 24 }, () => 0),
      dwell: [{ page: 'home', views: 2, dwell_millis: 90_000 }],
    };
    const page = await render('from=2026-11-01&to=2026-11-02&granularity=day', server(200, result, requests));
    expect(requests[0]).toEqual({
      events: { events: [] },
      page_views: { events: ['$pageview'] },
      page_property: 'page_id',
      timeout_minutes: 30,
      from: '2026-11-01',
      to: '2026-11-02',
      granularity: 'day',
    });
    expect(text(page, '.stat-sessions .ant-statistic-content')).toBe('3');
    expect(text(page, '.stat-duration .ant-statistic-content')).toBe('1分10秒');
    expect(text(page, '.stat-pages .ant-statistic-content')).toBe('2');
    expect(text(page, '.stat-bounce .ant-statistic-content')).toBe('33.33%');
    const rows = [...page.querySelectorAll('.session-table .ant-table-row')].map((row) => row.textContent);
    expect(rows).toEqual(['2026-11-0121分30秒250.00%', '2026-11-02130秒20.00%']);
    expect(text(page, '.dwell-table .ant-table-row')).toBe('home245秒');
    expect(page.querySelector('.sessions-chart svg')).not.toBeNull();
    expect(page.querySelector('.session-hours-chart svg')).not.toBeNull();
  });

  it('says so when the range has no session', async () => {
    const empty = { buckets: [{ start: '2026-10-31T16:00:00Z', sessions: 0, bounces: 0, duration_millis: 0, page_views: 0 }], starts_by_hour: [], dwell: [] };
    const page = await render('', server(200, empty, []));
    expect(text(page, '.analysis-result .state-empty')).toContain('所选时间内没有会话');
  });

  it('shows a refused request with the field it names', async () => {
    const problem = { type: 'https://sextant.dev/problems/invalid-query', title: 'Invalid query', status: 400, detail: 'timeout: must be 1 minute to 24 hours', field: 'timeout' };
    const page = await render('', server(400, problem, []));
    expect(text(page, '.analysis-error')).toContain('timeout: must be 1 minute to 24 hours');
  });
});
