import { describe, expect, it } from 'vitest';
import { API_PATHS, SextantClient, expandPath, type FetchLike } from './client';
import { ApiError, problemCode, problemErrors, toProblem } from './problem';
import openapi from './openapi.json';

function answering(status: number, body: unknown, calls: string[] = []): FetchLike {
  return (input) => {
    calls.push(input);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return Promise.resolve(
      new Response(text, {
        status,
        headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
      }),
    );
  };
}

describe('API paths', () => {
  it('are all in the server OpenAPI document', () => {
    const documented = Object.keys(openapi.paths);
    for (const path of Object.values(API_PATHS)) expect(documented).toContain(path);
  });

  it('use the methods the OpenAPI document lists', () => {
    const paths = openapi.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths[API_PATHS.planImport] ?? {})).toContain('post');
    expect(Object.keys(paths[API_PATHS.analysis] ?? {})).toContain('post');
    for (const path of [API_PATHS.userEvents, API_PATHS.quarantine, API_PATHS.plan, API_PATHS.planVersions]) {
      expect(Object.keys(paths[path] ?? {})).toContain('get');
    }
  });

  it('encode path parameters', () => {
    expect(expandPath(API_PATHS.userEvents, { project: 'demo', distinctId: 'a/b c' })).toBe(
      '/api/v1/projects/demo/users/a%2Fb%20c/events',
    );
  });
});

describe('SextantClient', () => {
  it('posts an analysis request as JSON to the kind path', async () => {
    const calls: string[] = [];
    const inits: RequestInit[] = [];
    const fetchFn: FetchLike = (input, init) => {
      calls.push(input);
      inits.push(init ?? {});
      return Promise.resolve(new Response(JSON.stringify({ current: [], previous: [] }), { status: 200 }));
    };
    const request = {
      metrics: [{ events: ['$pageview'], measure: 'users' as const }],
      group_by: [],
      from: '2026-11-01',
      to: '2026-11-07',
      granularity: 'day' as const,
      compare_with_previous: false,
    };
    const result = await new SextantClient(fetchFn).analyze('demo', 'events', request);
    expect(result).toEqual({ current: [], previous: [] });
    expect(calls).toEqual(['/api/v1/projects/demo/analyses/events']);
    expect(inits[0]?.method).toBe('POST');
    expect(JSON.parse(String(inits[0]?.body))).toEqual(request);
    expect((inits[0]?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('maps a refused analysis to an ApiError with the field', async () => {
    const client = new SextantClient(
      answering(400, {
        type: 'https://sextant.dev/problems/invalid-query',
        title: 'Invalid query',
        status: 400,
        detail: 'steps: 2 to 16 steps',
        field: 'steps',
      }),
    );
    const error = await client
      .analyze('demo', 'funnels', { steps: [], window_seconds: 60, from: '2026-11-01', to: '2026-11-01', group_by: null })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.extensions.field).toBe('steps');
  });

  it('calls the user events endpoint with the limit', async () => {
    const calls: string[] = [];
    const client = new SextantClient(answering(200, { project: 'demo', distinct_id: 'u1', events: [] }, calls));
    const result = await client.userEvents('demo', 'u1', 200);
    expect(result.distinct_id).toBe('u1');
    expect(calls).toEqual(['/api/v1/projects/demo/users/u1/events?limit=200']);
  });

  it('sends a dry-run import as YAML', async () => {
    const calls: string[] = [];
    const client = new SextantClient(answering(200, { changes: [] }, calls));
    await client.importPlan('demo', 'project: demo', true);
    expect(calls).toEqual(['/api/v1/projects/demo/plan/import?dry_run=true']);
  });

  it('maps a problem+json answer to an ApiError', async () => {
    const client = new SextantClient(
      answering(400, {
        type: 'https://sextant.dev/problems/invalid-query',
        title: 'Invalid query',
        status: 400,
        detail: 'limit must be between 1 and 1000',
        instance: '/api/v1/projects/demo/quarantine',
      }),
    );
    const error = await client.quarantine('demo', 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('invalid-query');
    expect(apiError.message).toBe('limit must be between 1 and 1000');
    expect(apiError.problem.status).toBe(400);
    expect(apiError.isNetworkFailure).toBe(false);
  });

  it('maps an answer that is not a problem document to about:blank', async () => {
    const client = new SextantClient(answering(502, '<html>Bad gateway</html>'));
    const error = (await client.plan('demo').catch((e: unknown) => e)) as ApiError;
    expect(error.problem.type).toBe('about:blank');
    expect(error.problem.status).toBe(502);
  });

  it('maps a network failure to status 0', async () => {
    const client = new SextantClient(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await client.plan('demo').catch((e: unknown) => e)) as ApiError;
    expect(error.isNetworkFailure).toBe(true);
    expect(error.message).toBe('Failed to fetch');
  });

  it('reports health without throwing', async () => {
    expect(await new SextantClient(answering(200, { status: 'UP' })).health()).toEqual({
      kind: 'status',
      status: 'UP',
      httpStatus: 200,
    });
    expect(await new SextantClient(() => Promise.reject(new Error('down'))).health()).toEqual({
      kind: 'unreachable',
      reason: 'down',
    });
  });
});

describe('problem details', () => {
  it('keep extension members and list errors with their paths', () => {
    const problem = toProblem(400, 'Bad Request', {
      type: 'https://sextant.dev/problems/invalid-tracking-plan',
      title: 'Invalid tracking plan',
      status: 400,
      errors: [{ path: 'events.x.name', message: 'must start with a business line prefix' }, 'plain'],
    });
    expect(problemCode(problem.type)).toBe('invalid-tracking-plan');
    expect(problemErrors(problem)).toEqual(['events.x.name: must start with a business line prefix', 'plain']);
  });

  it('fall back to the HTTP status for a non-object body', () => {
    expect(toProblem(404, 'Not Found', null)).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
    expect(toProblem(500, '', [1])).toMatchObject({ title: 'HTTP 500' });
  });
});
