// @vitest-environment jsdom
// The analysis pages against a fake server (the client's fetch answers canned JSON): they build the
// documented request at once, show results with the numbers computed in TS, and show a refused
// request in an alert with its field.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SextantClient, type FetchLike } from '../api/client';
import type { TrackingPlan } from '../api/types';
import FunnelPage from '../funnel/FunnelPage';
import RetentionPage from '../retention/RetentionPage';
import { ConsoleContext } from '../shell/context';
import EventAnalysisPage from './EventAnalysisPage';

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

const event = (name: string, display: string) => ({
  name,
  display_name: display,
  display_name_en: null,
  description: null,
  business_line: null,
  collected_by: null,
  trigger: null,
  status: null,
  properties: [],
});
const PLAN: TrackingPlan = {
  project: 'demo',
  version: 1,
  settings: { unknown_data_policy: 'STRICT', time_zone: 'Asia/Shanghai' },
  business_lines: [],
  events: [event('$pageview', 'Web 浏览页面'), event('$AppViewScreen', 'App 浏览页面'), event('$AppStart', 'App 启动'), event('SignUp', '注册')],
  properties: [
    {
      name: 'platform_type',
      display_name: '平台类型',
      display_name_en: null,
      description: null,
      type: 'STRING',
      unit: null,
      values: [],
      max_length: null,
      min: null,
      max: null,
      pii: null,
      collected_by: null,
      common: true,
      status: null,
    },
  ],
};

interface Call {
  readonly path: string;
  readonly body: unknown;
}

/** A server that answers the plan, and each analysis path with the given status and JSON. */
function server(answers: Record<string, [number, unknown]>, calls: Call[]): SextantClient {
  const fetchFn: FetchLike = (input, init) => {
    calls.push({ path: input, body: init?.body ? JSON.parse(String(init.body)) : null });
    const [status, body] = input.endsWith('/plan') ? [200, PLAN] : (answers[input.split('/').pop() ?? ''] ?? [404, {}]);
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return new SextantClient(fetchFn, undefined, () => 'XSRF-TOKEN=test');
}

// Rendering Ant Design in jsdom is slow on a busy build machine: give each page time to settle.
const SETTLE_MS = 20_000;
vi.setConfig({ testTimeout: 3 * SETTLE_MS });

/** Renders a page and waits until its analysis has answered (a result, an empty state or an alert). */
async function render(node: React.ReactNode, client: SextantClient): Promise<HTMLElement> {
  const page = document.createElement('div');
  container = page;
  document.body.append(page);
  const root = createRoot(page);
  await act(async () => {
    root.render(<ConsoleContext.Provider value={{ locale: 'zh-CN', project: 'demo', client, user: null }}>{node}</ConsoleContext.Provider>);
  });
  const settled = () => page.querySelector('.analysis-table, .analysis-error, .analysis-result .state-empty') !== null;
  const deadline = Date.now() + SETTLE_MS;
  while (!settled() && Date.now() < deadline) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
  return page;
}

const ROUTE = new URLSearchParams('from=2026-11-01&to=2026-11-02');
const DAYS = ['2026-10-31T16:00:00Z', '2026-11-01T16:00:00Z'];

describe('event analysis page', () => {
  it('asks for PV and UV with totals, and shows them in the table', async () => {
    const calls: Call[] = [];
    const series = (metric: number, values: number[]) => ({
      metric,
      group: { values: [] },
      points: values.map((value, i) => ({ bucket: DAYS[i], value })),
    });
    const client = server({ events: [200, { current: [series(0, [7, 5]), series(1, [3, 2])], previous: [] }] }, calls);
    const page = await render(<EventAnalysisPage params={ROUTE} />, client);
    const requests = calls.filter((c) => c.path.endsWith('/analyses/events')).map((c) => c.body as Record<string, unknown>);
    expect(requests.map((r) => r.granularity).sort()).toEqual(['day', 'total']);
    expect(requests[0]).toMatchObject({
      metrics: [
        { events: ['$pageview', '$AppViewScreen'], measure: 'events' },
        { events: ['$pageview', '$AppViewScreen'], measure: 'users' },
      ],
      from: '2026-11-01',
      to: '2026-11-02',
    });
    const rows = [...page.querySelectorAll('.analysis-table .ant-table-row')].map((row) => row.textContent);
    expect(rows[0]).toContain('浏览量 PV');
    expect(rows[1]).toContain('访客数 UV');
    expect(page.textContent).toContain('2026-11-01');
    expect(page.querySelector('.event-chart svg')).not.toBeNull();
  });

  it('takes group-by, granularity and comparison from the route', async () => {
    const calls: Call[] = [];
    const client = server({ events: [200, { current: [], previous: [] }] }, calls);
    const page = await render(
      <EventAnalysisPage params={new URLSearchParams('from=2017-02-01&to=2017-02-28&granularity=week&compare=true&group_by=platform_type,nope')} />,
      client,
    );
    expect(calls.find((c) => c.path.endsWith('/analyses/events'))?.body).toMatchObject({
      group_by: ['platform_type'],
      granularity: 'week',
      compare_with_previous: true,
      from: '2017-02-01',
    });
    expect(page.querySelector('.analysis-result')?.textContent).toContain('所选时间内没有符合条件的数据');
  });
});

describe('funnel page', () => {
  it('shows users, conversions in TS and median times per group', async () => {
    const calls: Call[] = [];
    const client = server(
      {
        funnels: [
          200,
          {
            groups: [
              { group: { values: ['dark'] }, users: [30, 6], median_millis: [125_000] },
              { group: { values: [null] }, users: [3, 2], median_millis: [90_061_000] },
            ],
          },
        ],
      },
      calls,
    );
    const page = await render(<FunnelPage params={new URLSearchParams('steps=$pageview,SignUp&from=2026-11-01&to=2026-11-07')} />, client);
    expect(calls.find((c) => c.path.endsWith('/analyses/funnels'))?.body).toEqual({
      steps: [{ events: ['$pageview'] }, { events: ['SignUp'] }],
      window_seconds: 86_400,
      from: '2026-11-01',
      to: '2026-11-07',
      group_by: null,
    });
    const rows = [...page.querySelectorAll('.analysis-table .ant-table-row')].map((row) => row.textContent ?? '');
    expect(rows[0]).toContain('dark');
    expect(rows[0]).toContain('20.00%');
    expect(rows[0]).toContain('2 分钟 5 秒');
    expect(rows[1]).toContain('未设置');
    expect(rows[1]).toContain('66.67%');
    expect(rows[1]).toContain('1 天 1 小时');
    // Overall over both groups: 8 of 33.
    expect(page.querySelector('.funnel-summary')?.textContent).toContain('24.24%');
  });

  it('shows a refused request with the field, never a blank page', async () => {
    const client = server(
      {
        funnels: [
          400,
          {
            type: 'https://sextant.dev/problems/invalid-query',
            title: 'Invalid query',
            status: 400,
            detail: 'analysis: FunnelAnalysis is not compiled yet',
            field: 'analysis',
          },
        ],
      },
      [],
    );
    const text = (await render(<FunnelPage params={new URLSearchParams()} />, client)).querySelector('.analysis-error')?.textContent;
    expect(text).toContain('查询条件有误');
    expect(text).toContain('FunnelAnalysis is not compiled yet');
    expect(text).toContain('字段：analysis');
  });
});

describe('retention page', () => {
  it('shows cohorts as percentages, and a timeout as a warning', async () => {
    const client = server(
      { retention: [200, { cohorts: [{ group: { values: [] }, start: '2026-11-01', users: 4, retained: [4, 1, 0, 0, 0, 0, 0, 0] }] }] },
      [],
    );
    const page = await render(<RetentionPage params={ROUTE} />, client);
    const row = page.querySelector('.retention-table .ant-table-row')?.textContent ?? '';
    expect(row).toContain('2026-11-01');
    expect(row).toContain('100.00%');
    expect(row).toContain('25.00%');

    const slow = server(
      {
        retention: [
          504,
          { type: 'https://sextant.dev/problems/query-timeout', title: 'Analysis timed out', status: 504, detail: 'stopped after 60 s' },
        ],
      },
      [],
    );
    const text = (await render(<RetentionPage params={ROUTE} />, slow)).querySelector('.analysis-error')?.textContent;
    expect(text).toContain('查询超时');
    expect(text).toContain('stopped after 60 s');
  });
});
