import { describe, expect, it, vi } from 'vitest';
import { API_ENDPOINTS, HEALTH_PATH, expandPath, fetchHealth, type FetchLike } from './api';

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('fetchHealth', () => {
  it('asks /actuator/health for JSON and reports UP', async () => {
    const fetchFn = vi.fn<FetchLike>(async () => json({ status: 'UP' }));
    await expect(fetchHealth(fetchFn)).resolves.toEqual({ kind: 'status', status: 'UP', httpStatus: 200 });
    expect(fetchFn).toHaveBeenCalledOnce();
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe(HEALTH_PATH);
    expect(new Headers(init?.headers).get('Accept')).toBe('application/json');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads DOWN from a 503 answer', async () => {
    await expect(fetchHealth(async () => json({ status: 'DOWN' }, 503))).resolves.toEqual({
      kind: 'status',
      status: 'DOWN',
      httpStatus: 503,
    });
  });

  it('reports a network failure as unreachable', async () => {
    const result = await fetchHealth(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(result).toEqual({ kind: 'unreachable', reason: 'Failed to fetch' });
  });

  it('reports a timeout as unreachable', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    await expect(fetchHealth(hang, 20)).resolves.toEqual({ kind: 'unreachable', reason: 'timeout' });
  });

  it('reports a non-JSON or non-health answer (e.g. a proxy error page) as unreachable', async () => {
    const html = new Response('<html>Bad Gateway</html>', { status: 502 });
    await expect(fetchHealth(async () => html)).resolves.toEqual({ kind: 'unreachable', reason: 'HTTP 502' });
    await expect(fetchHealth(async () => json({ hello: 'world' }))).resolves.toEqual({
      kind: 'unreachable',
      reason: 'HTTP 200',
    });
  });
});

describe('API endpoints', () => {
  it('lists the collector and the user-sequence endpoints', () => {
    expect(API_ENDPOINTS.map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /api/v1/events?project=demo',
      'GET /api/v1/projects/demo/users/{distinctId}/events',
    ]);
  });

  it('links only GET endpoints, with the placeholder filled in', () => {
    for (const endpoint of API_ENDPOINTS) {
      if (endpoint.method === 'GET') {
        expect(endpoint.href).toMatch(/^\/api\/v1\/[^{}]+$/);
      } else {
        expect(endpoint.href).toBeNull();
      }
    }
  });

  it('URL-encodes placeholder values and keeps unknown placeholders', () => {
    expect(expandPath('/users/{distinctId}/events', { distinctId: 'a b/测试' })).toBe(
      '/users/a%20b%2F%E6%B5%8B%E8%AF%95/events',
    );
    expect(expandPath('/users/{distinctId}', {})).toBe('/users/{distinctId}');
  });
});
