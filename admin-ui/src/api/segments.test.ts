// The segment and campaign wire types and paths against the server's OpenAPI document (as
// types.test.ts does for the others): each map names exactly the interface's fields (tsc) and
// exactly the schema's properties (here).
import { describe, expect, it } from 'vitest';
import openapi from './openapi.json';
import { API_PATHS, SextantClient, type FetchLike } from './client';
import type * as Api from './segments';

type Fields<T> = { readonly [K in keyof Required<T>]: true };
const fields = <T,>(map: Fields<T>) => Object.keys(map).sort();

const CHECKED: ReadonlyArray<readonly [schema: string, fields: string[]]> = [
  ['SegmentView', fields<Api.SegmentView>({ id: true, name: true, rule: true, refresh: true, created_at: true })],
  ['Snapshot', fields<Api.Snapshot>({ segment_id: true, id: true, as_of: true, users: true, created_at: true })],
  ['MembersPage', fields<Api.MembersPage>({ members: true, next_after: true })],
  [
    'Campaign',
    fields<Api.Campaign>({
      id: true,
      name: true,
      segment_id: true,
      snapshot_id: true,
      holdout_percent: true,
      targeted: true,
      held_out: true,
      created_at: true,
    }),
  ],
  [
    'EffectReport',
    fields<Api.EffectReport>({
      targeted: true,
      held_out: true,
      not_targeted: true,
      targeted_vs_held_out: true,
      targeted_vs_not_targeted: true,
    }),
  ],
  ['Group', fields<Api.EffectGroup>({ users: true, converted: true, rate: true })],
  ['SegmentComparison', fields<Api.SegmentComparison>({ groups: true, comparisons: true })],
  ['Named', fields<Api.SegmentComparison['groups'][number]>({ name: true, group: true })],
  ['Versus', fields<Api.SegmentComparison['comparisons'][number]>({ other: true, comparison: true })],
  ['Comparison', fields<Api.EffectComparison>({ difference: true, lower95: true, upper95: true, z: true, p_value: true })],
];

const schemas = openapi.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
const paths = openapi.paths as Record<string, Record<string, unknown>>;

describe('segment wire types', () => {
  it.each(CHECKED)('match the OpenAPI schema %s', (schema, names) => {
    expect(Object.keys(schemas[schema]?.properties ?? {}).sort()).toEqual(names);
  });

  it('use paths and methods the OpenAPI document lists', () => {
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    expect(methods(API_PATHS.segments)).toEqual(['get', 'post']);
    expect(methods(API_PATHS.segment)).toEqual(['delete', 'get']);
    expect(methods(API_PATHS.segmentPreview)).toEqual(['post']);
    expect(methods(API_PATHS.segmentCompare)).toEqual(['post']);
    expect(methods(API_PATHS.snapshots)).toEqual(['get', 'post']);
    expect(methods(API_PATHS.members)).toEqual(['get']);
    expect(methods(API_PATHS.membersCsv)).toEqual(['get']);
    expect(methods(API_PATHS.campaigns)).toEqual(['get', 'post']);
    expect(methods(API_PATHS.campaign)).toEqual(['get']);
    expect(methods(API_PATHS.campaignEffect)).toEqual(['post']);
  });
});

describe('segment client', () => {
  it('previews, saves, snapshots, pages, exports and deletes with the CSRF token on changes', async () => {
    const calls: { method: string; path: string; body: unknown; csrf: string | undefined }[] = [];
    const fetchFn: FetchLike = (input, init) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      calls.push({
        method: init?.method ?? 'GET',
        path: input,
        body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
        csrf: headers['X-XSRF-TOKEN'],
      });
      const csv = input.endsWith('.csv');
      const status = init?.method === 'DELETE' ? 204 : 200;
      return Promise.resolve(new Response(status === 204 ? null : csv ? 'user_id\r\nu1\r\n' : '{}', { status }));
    };
    const client = new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t');
    const rule = { did: { events: ['SignUp'] } } as const;
    await client.previewSegment('demo', { rule, as_of: '2017-02-14' });
    await client.createSegment('demo', { name: '高意向客户', rule });
    await client.createSnapshot('demo', 's/1', '2017-02-14');
    await client.members('demo', 's/1', 'n1', { limit: 50, after: 'u 9' });
    const file = await client.membersCsv('demo', 's/1', 'n1');
    await client.createCampaign('demo', { name: 'c', segment_id: 's/1', snapshot_id: 'n1', holdout_percent: 50 });
    await client.campaignEffect('demo', 'c1', {
      funnel: { steps: [{ events: ['$AppStart'] }, { events: ['P2P_InvestSuccess'] }], window_seconds: 86_400, from: '2017-02-15', to: '2017-02-28' },
    });
    await client.deleteSegment('demo', 's/1');
    expect(await file.text()).toBe('user_id\r\nu1\r\n');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v1/projects/demo/segments/preview',
      'POST /api/v1/projects/demo/segments',
      'POST /api/v1/projects/demo/segments/s%2F1/snapshots',
      'GET /api/v1/projects/demo/segments/s%2F1/snapshots/n1/members?limit=50&after=u+9',
      'GET /api/v1/projects/demo/segments/s%2F1/snapshots/n1/members.csv',
      'POST /api/v1/projects/demo/campaigns',
      'POST /api/v1/projects/demo/campaigns/c1/effect',
      'DELETE /api/v1/projects/demo/segments/s%2F1',
    ]);
    expect(calls[0]?.body).toEqual({ rule, as_of: '2017-02-14' });
    expect(calls[2]?.body).toEqual({ as_of: '2017-02-14' });
    expect(calls[5]?.body).toEqual({ name: 'c', segment_id: 's/1', snapshot_id: 'n1', holdout_percent: 50 });
    for (const call of calls) expect(call.csrf).toBe(call.method === 'GET' ? undefined : 't');
  });
});
