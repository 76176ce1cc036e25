// @vitest-environment jsdom
// The plan editor against a fake server (the client's fetch answers canned JSON): a dry run first,
// its diff shown, then the save; a refusal shown on the field the server's error path names.
import { App } from 'antd';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SextantClient, type FetchLike } from '../api/client';
import type { TrackingPlan } from '../api/types';
import { ConsoleContext } from '../shell/context';
import { newEvent, newProperty, type PlanEdit } from './edit';
import PlanEditDrawer from './PlanEditDrawer';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  window.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;
});

const SETTLE_MS = 10_000;
vi.setConfig({ testTimeout: 3 * SETTLE_MS });

const PLAN: TrackingPlan = {
  project: 'demo',
  version: 4,
  settings: { unknown_data_policy: 'STRICT', time_zone: 'Asia/Shanghai' },
  business_lines: [{ name: 'p2p', event_prefix: 'P2P_', display_name: 'P2P 理财', display_name_en: null, owner: null }],
  events: [{ ...newEvent('p2p'), name: 'P2P_Invest' }],
  properties: [
    { ...newProperty(), name: 'product_id' },
    { ...newProperty(), name: 'product_type', values: [{ value: 'regular', label: '定期理财', label_en: null, deprecated: false }] },
  ],
};

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: TrackingPlan;
}

function server(answers: ReadonlyArray<[number, unknown]>, calls: Call[]): SextantClient {
  const fetchFn: FetchLike = (input, init) => {
    calls.push({ method: init?.method ?? 'GET', path: input, body: JSON.parse(String(init?.body)) as TrackingPlan });
    const [status, body] = answers[calls.length - 1] ?? [500, {}];
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return new SextantClient(fetchFn, undefined, () => 'XSRF-TOKEN=test');
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

async function render(client: SextantClient, edit: PlanEdit, onSaved: (version: number) => void): Promise<void> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root?.render(
      <ConsoleContext.Provider value={{ locale: 'zh-CN', project: 'demo', client, user: null }}>
        <App>
          <PlanEditDrawer plan={PLAN} edit={edit} onClose={() => undefined} onSaved={onSaved} />
        </App>
      </ConsoleContext.Provider>,
    );
  });
}

async function until(settled: () => boolean): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  while (!settled() && Date.now() < deadline) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

async function click(selector: string): Promise<void> {
  const button = document.querySelector<HTMLButtonElement>(selector);
  expect(button, selector).not.toBeNull();
  await act(async () => button?.click());
}

const withVip: PlanEdit = {
  kind: 'property',
  isNew: false,
  item: { ...PLAN.properties[1]!, values: [...PLAN.properties[1]!.values, { value: 'vip', label: '会员专享', label_en: null, deprecated: false }] },
};

describe('PlanEditDrawer', () => {
  it('previews the edited plan as a dry run, then saves the previewed plan', async () => {
    const calls: Call[] = [];
    const change = { kind: 'ADDED', path: 'properties.product_type.values.vip', before: null, after: { value: 'vip' } };
    const outcome = { project: 'demo', base_version: 4, version: 5, author: 'admin', saved_at: null, changes: [change] };
    const client = server(
      [
        [200, { ...outcome, dry_run: true, saved: false }],
        [200, { ...outcome, dry_run: false, saved: true }],
      ],
      calls,
    );
    const saved = vi.fn();
    await render(client, withVip, saved);
    expect(document.querySelector<HTMLButtonElement>('.plan-edit-save')?.disabled).toBe(true);

    await click('.plan-edit-preview');
    await until(() => document.querySelector('.plan-edit-preview-result .change-list') !== null);
    expect(document.querySelector('.plan-edit-preview-result')?.textContent).toContain('properties.product_type.values.vip');
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/api/v1/projects/demo/plan?dry_run=true' });
    expect(calls[0]?.body.version).toBe(4);
    expect(calls[0]?.body.properties[1]?.values.map((v) => v.value)).toEqual(['regular', 'vip']);

    await click('.plan-edit-save');
    await until(() => saved.mock.calls.length > 0);
    expect(calls[1]).toMatchObject({ method: 'PUT', path: '/api/v1/projects/demo/plan?dry_run=false' });
    expect(calls[1]?.body).toEqual(calls[0]?.body);
    expect(saved).toHaveBeenCalledWith(5);
  });

  it('shows the server reasons next to the field their path names, and saves nothing', async () => {
    const calls: Call[] = [];
    const refusal = {
      type: 'https://sextant.dev/problems/invalid-tracking-plan',
      title: 'Invalid tracking plan',
      status: 400,
      detail: 'The plan breaks 1 rule.',
      errors: [{ path: 'properties[1].values[1].value', code: 'DUPLICATE_ENUM_VALUE', message: 'vip is listed twice' }],
    };
    const client = server([[400, refusal]], calls);
    await render(client, withVip, () => undefined);

    await click('.plan-edit-preview');
    await until(() => document.querySelector('.plan-edit-error') !== null);
    expect(document.querySelector('.plan-edit-error')?.textContent).toContain('properties[1].values[1].value: vip is listed twice');
    await until(() => document.querySelector('.ant-form-item-explain-error') !== null);
    const fieldError = document.querySelectorAll('.plan-edit-value-row')[1]?.querySelector('.ant-form-item-explain-error');
    expect(fieldError?.textContent).toBe('vip is listed twice');
    expect(document.querySelector<HTMLButtonElement>('.plan-edit-save')?.disabled).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
