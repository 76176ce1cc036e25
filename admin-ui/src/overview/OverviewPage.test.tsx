// @vitest-environment jsdom
// The overview against a fake server: today's figures from the trend's last bucket, "no events
// today" with the latest day that had events, the ingestion figures, and each part only for the
// roles the server answers it for.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SextantClient, type FetchLike } from '../api/client';
import type { IngestionReport, SignedIn, TrackingPlan } from '../api/types';
import { todayIn, addDays } from '../analysis/dates';
import { ConsoleContext } from '../shell/context';
import OverviewPage from './OverviewPage';

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

const ZONE = 'Asia/Shanghai';
const PLAN = {
  project: 'demo',
  version: 3,
  settings: { unknown_data_policy: 'STRICT', time_zone: ZONE },
  business_lines: [],
  events: [],
  properties: [],
} as unknown as TrackingPlan;

const TODAY = todayIn(ZONE);
/** Local midnight of a day in Shanghai (UTC+8, no daylight saving time). */
const bucket = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
const DAYS = Array.from({ length: 30 }, (_, i) => addDays(TODAY, i - 29));
const series = (metric: number, values: (day: string) => number) => ({
  metric,
  group: { values: [] },
  points: DAYS.map((day) => ({ bucket: bucket(day), value: values(day) })),
});
const YESTERDAY = addDays(TODAY, -1);

const REPORT: IngestionReport = {
  project: 'demo',
  now: '2026-12-08T04:10:30Z',
  time_zone: ZONE,
  minutes: Array.from({ length: 60 }, (_, i) => ({
    start: new Date(Date.parse('2026-12-08T03:11:00Z') + i * 60_000).toISOString(),
    accepted: i === 59 ? 6 : 0,
    quarantined: i === 59 ? 3 : 0,
  })),
  window: { from: '2026-12-08T03:11:00Z', accepted: 6, quarantined: 3 },
  today: { from: '2026-12-07T16:00:00Z', accepted: 96, quarantined: 4 },
  latest_received_at: '2026-12-08T04:08:10Z',
};

function server(trend: unknown, ingestion: [number, unknown]): SextantClient {
  const fetchFn: FetchLike = (input) => {
    const [status, body] = input.endsWith('/plan')
      ? [200, PLAN]
      : input.endsWith('/analyses/events')
        ? [200, trend]
        : input.includes('/ingestion')
          ? ingestion
          : [200, { status: 'UP' }];
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return new SextantClient(fetchFn, undefined, () => 'XSRF-TOKEN=test');
}

const SETTLE_MS = 20_000;
vi.setConfig({ testTimeout: 3 * SETTLE_MS });

async function render(client: SextantClient, role: SignedIn['role']): Promise<HTMLElement> {
  const page = document.createElement('div');
  container = page;
  document.body.append(page);
  const user = { authenticated: true, username: 'u', role, business_lines: [], must_change_password: false } as SignedIn;
  await act(async () => {
    createRoot(page).render(
      <ConsoleContext.Provider value={{ locale: 'zh-CN', project: 'demo', client, user }}>
        <OverviewPage />
      </ConsoleContext.Provider>,
    );
  });
  const settled = () => page.querySelector('.state-loading') === null && page.querySelector('.plan-size') !== null;
  const deadline = Date.now() + SETTLE_MS;
  while (!settled() && Date.now() < deadline) await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  return page;
}

const text = (page: HTMLElement, selector: string) => page.querySelector(selector)?.textContent ?? null;

describe('overview page', () => {
  it("shows today's figures, the 30-day trend and the ingestion of the last hour", async () => {
    const trend = {
      current: [series(0, (d) => (d === TODAY ? 12 : 3)), series(1, (d) => (d === TODAY ? 5 : 1)), series(2, (d) => (d === TODAY ? 1234 : 10))],
      previous: [],
    };
    const page = await render(server(trend, [200, REPORT]), 'ADMIN');
    expect(text(page, '.stat-dau .ant-statistic-content')).toBe('12');
    expect(text(page, '.stat-new-users .ant-statistic-content')).toBe('5');
    expect(text(page, '.stat-events-today .ant-statistic-content')).toBe('1,234');
    expect(page.querySelector('.no-events-today')).toBeNull();
    expect(page.querySelector('.trend')?.getAttribute('data-days')).toBe('30');
    expect(page.querySelector('.trend')?.getAttribute('data-last')).toBe(TODAY);
    expect(text(page, '.stat-rate .ant-statistic-content')).toBe('0.1条/分钟');
    expect(text(page, '.stat-lag .ant-statistic-content')).toBe('2 分钟');
    expect(text(page, '.stat-quarantine-today .ant-statistic-content')).toBe('4.00%');
    expect(text(page, '.stat-quarantine-window .ant-statistic-content')).toBe('33.33%');
    expect(text(page, '.stat-quarantine-window-counts')).toBe('隔离 3 / 共 9 条');
    expect(page.querySelector('.ingestion')?.getAttribute('data-last')).toBe('12:10');
    expect(page.querySelector('.quality-link')?.getAttribute('href')).toBe('#/quality');
    expect(text(page, '.plan-size')).toBe('埋点方案 v3 · 0 个事件 · 0 个属性');
  });

  it('says there are no events today, and which day last had some', async () => {
    const trend = { current: [series(0, (d) => (d === YESTERDAY ? 8 : 0)), series(1, () => 0), series(2, (d) => (d === YESTERDAY ? 40 : 0))], previous: [] };
    const page = await render(server(trend, [200, REPORT]), 'ANALYST');
    expect(text(page, '.no-events-today .ant-alert-message')).toBe(`今天（${TODAY}）还没有事件`);
    expect(text(page, '.no-events-today .ant-alert-description')).toBe(`最近有事件的日期是 ${YESTERDAY}；下方趋势图展示最近 30 天。`);
    expect(page.querySelector('.trend-chart svg')).not.toBeNull();
    // Analysts do not read the quarantine: no ingestion part, and no call the server would refuse.
    expect(page.querySelector('.overview-ingestion')).toBeNull();
  });

  it('shows a failed ingestion report as an error with a retry, and no user figures to plan developers', async () => {
    const problem = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'boom' };
    const page = await render(server({ current: [], previous: [] }, [500, problem]), 'PLAN_DEVELOPER');
    expect(text(page, '.overview-ingestion .state-error')).toContain('boom');
    expect(page.querySelector('.overview-users')).toBeNull();
  });
});
