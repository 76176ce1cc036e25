// @vitest-environment jsdom
// The segments page against a fake server (the client's fetch answers canned JSON): the builder
// counts its rule once it settles, shows the server's refusal with its field, and the lists show
// their empty states; a campaign's report shows the numbers and the verdict the server's answer
// implies.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SextantClient, type FetchLike } from '../api/client';
import type { TrackingPlan } from '../api/types';
import { todayIn } from '../analysis/dates';
import { ConsoleContext } from '../shell/context';
import SegmentsPage from './SegmentsPage';

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

const PLAN: TrackingPlan = {
  project: 'demo',
  version: 1,
  settings: { unknown_data_policy: 'STRICT', time_zone: 'Asia/Shanghai' },
  business_lines: [],
  events: ['$AppStart', 'SignUp', 'P2P_InvestSuccess'].map((name) => ({
    name,
    display_name: null,
    display_name_en: null,
    description: null,
    business_line: null,
    collected_by: null,
    trigger: null,
    status: null,
    properties: [],
  })),
  properties: [],
};

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** Answers the plan and the segment endpoints by `METHOD path-suffix`, recording every call. */
function server(answers: Record<string, [number, unknown]>, calls: Call[]): SextantClient {
  const fetchFn: FetchLike = (input, init) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, path: input, body: init?.body ? JSON.parse(String(init.body)) : null });
    const key = Object.keys(answers).find((k) => {
      const [m, suffix] = k.split(' ');
      return m === method && input.endsWith(suffix ?? '');
    });
    const [status, body] = input.endsWith('/plan') ? [200, PLAN] : key ? (answers[key] ?? [404, {}]) : [404, {}];
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return new SextantClient(fetchFn, undefined, () => 'XSRF-TOKEN=test');
}

const SETTLE_MS = 20_000;
vi.setConfig({ testTimeout: 3 * SETTLE_MS });

async function render(params: URLSearchParams, client: SextantClient, settled: (page: HTMLElement) => boolean): Promise<HTMLElement> {
  const page = document.createElement('div');
  container = page;
  document.body.append(page);
  const root = createRoot(page);
  await act(async () => {
    root.render(
      <ConsoleContext.Provider value={{ locale: 'zh-CN', project: 'demo', client, user: null }}>
        <SegmentsPage params={params} />
      </ConsoleContext.Provider>,
    );
  });
  const deadline = Date.now() + SETTLE_MS;
  while (!settled(page) && Date.now() < deadline) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
  return page;
}

const EMPTY_LISTS: Record<string, [number, unknown]> = { 'GET /segments': [200, []], 'GET /campaigns': [200, []] };

describe('segment builder', () => {
  it('counts the rule once it settles, as of today in the project zone', async () => {
    const calls: Call[] = [];
    const client = server({ ...EMPTY_LISTS, 'POST /segments/preview': [200, { users: 1000 }] }, calls);
    const page = await render(new URLSearchParams(), client, (p) => p.querySelector('.live-count[data-state="counted"]') !== null);
    const previews = calls.filter((c) => c.path.endsWith('/segments/preview'));
    expect(previews).toHaveLength(1);
    expect(previews[0]?.body).toEqual({ rule: { all: [{ did: { events: [] } }] }, as_of: todayIn('Asia/Shanghai') });
    expect(page.querySelector('.live-count')?.getAttribute('data-stale')).toBe('false');
    expect(page.querySelector('.live-count-value')?.textContent).toContain('1,000');
    expect(page.querySelector('.saved-segments .state-empty')?.textContent).toContain('还没有保存的分群');
    expect(page.querySelector('.campaign-list .state-empty')?.textContent).toContain('还没有活动');
  });

  it('shows a refused rule with the field the server names', async () => {
    const calls: Call[] = [];
    const refusal = {
      type: 'https://sextant.dev/problems/invalid-query',
      title: 'Invalid query',
      status: 400,
      detail: 'rule.all[0].did.events[0]: unknown event',
      field: 'rule.all[0].did.events[0]',
    };
    const client = server({ ...EMPTY_LISTS, 'POST /segments/preview': [400, refusal] }, calls);
    const page = await render(new URLSearchParams(), client, (p) => p.querySelector('.live-count[data-state="failed"]') !== null);
    expect(page.querySelector('.live-count .analysis-error-field')?.textContent).toContain('rule.all[0].did.events[0]');
  });
});

describe('effect report', () => {
  const campaign = { id: 'c1', name: '征信页唤醒', segment_id: 's1', snapshot_id: 'n1', holdout_percent: 50, targeted: 76, held_out: 77, created_at: '2026-12-08T04:00:00Z' };
  const snapshot = { segment_id: 's1', id: 'n1', as_of: '2017-02-14', users: 153, created_at: '2026-12-08T03:59:00Z' };
  const segment = { id: 's1', name: '高意向客户', rule: { did: { events: ['SignUp'] } }, refresh: 'none', created_at: '2026-12-08T03:58:00Z' };

  it('measures the two weeks after the snapshot and says whether the difference is significant', async () => {
    const calls: Call[] = [];
    const report = {
      targeted: { users: 405, converted: 100, rate: 0.246914 },
      held_out: { users: 404, converted: 66, rate: 0.163366 },
      not_targeted: { users: 500, converted: 90, rate: 0.18 },
      targeted_vs_held_out: { difference: 0.083548, lower95: 0.0283, upper95: 0.1388, z: 2.95, p_value: 0.0032 },
      targeted_vs_not_targeted: { difference: 0.066914, lower95: 0.01, upper95: 0.12, z: 2.4, p_value: 0.016 },
    };
    const client = server(
      {
        'GET /campaigns/c1': [200, campaign],
        'GET /segments/s1': [200, segment],
        'GET /segments/s1/snapshots': [200, [snapshot]],
        'POST /campaigns/c1/effect': [200, report],
      },
      calls,
    );
    const page = await render(new URLSearchParams('campaign=c1'), client, (p) => p.querySelector('.effect-verdict') !== null);
    expect(calls.find((c) => c.path.endsWith('/campaigns/c1/effect'))?.body).toEqual({
      funnel: { steps: [{ events: ['$AppStart'] }, { events: ['P2P_InvestSuccess'] }], window_seconds: 14 * 86_400, from: '2017-02-15', to: '2017-02-28' },
    });
    expect(page.querySelector('.effect-verdict')?.textContent).toContain('推送组转化率显著高于对照组');
    expect(page.querySelector('.effect-targeted')?.textContent).toContain('24.69%');
    expect(page.querySelector('.effect-held-out')?.textContent).toContain('16.34%');
    expect(page.querySelector('.effect-uplift')?.textContent).toContain('+8.35 百分点');
    expect(page.querySelector('.effect-p-value')?.textContent).toContain('0.003');
    expect(page.querySelector('.effect-chart svg')).not.toBeNull();
  });

  it('says when the campaign does not exist', async () => {
    const client = server({ 'GET /campaigns/gone': [404, { type: 'https://sextant.dev/problems/segment-not-found', title: 'Not found', status: 404, detail: 'campaign gone' }] }, []);
    const page = await render(new URLSearchParams('campaign=gone'), client, (p) => p.querySelector('.segment-gone') !== null);
    expect(page.querySelector('.segment-gone')?.textContent).toContain('不存在');
  });
});
