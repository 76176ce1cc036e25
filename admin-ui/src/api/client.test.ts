import { describe, expect, it } from 'vitest';
import { API_PATHS, SESSION_PATHS, SextantClient, expandPath, isUnsafeMethod, readCookie, type FetchLike } from './client';
import { ApiError, problemCode, problemErrors, retryAfterSeconds, toProblem } from './problem';
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
    expect(Object.keys(paths[API_PATHS.plan] ?? {})).toContain('put');
    expect(Object.keys(paths[API_PATHS.analysis] ?? {})).toContain('post');
    for (const path of [API_PATHS.quarantineReplay, API_PATHS.keys, API_PATHS.keyRotate, API_PATHS.funnelUsers, API_PATHS.funnelUsersCsv]) {
      expect(Object.keys(paths[path] ?? {})).toContain('post');
    }
    expect(Object.keys(paths[API_PATHS.keys] ?? {})).toContain('get');
    expect(Object.keys(paths[API_PATHS.key] ?? {})).toContain('delete');
    for (const path of [API_PATHS.userEvents, API_PATHS.quarantine, API_PATHS.ingestion, API_PATHS.plan, API_PATHS.planVersions]) {
      expect(Object.keys(paths[path] ?? {})).toContain('get');
    }
  });

  it('include the session controller, but not the sign-in and sign-out the security chain answers', () => {
    const paths = openapi.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths[SESSION_PATHS.session] ?? {})).toEqual(['get']);
    expect(Object.keys(paths[SESSION_PATHS.password] ?? {})).toEqual(['post']);
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
    const result = await new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t').analyze('demo', 'events', request);
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

  it('asks for the ingestion report of the last minutes', async () => {
    const calls: string[] = [];
    const client = new SextantClient(answering(200, { project: 'demo', minutes: [] }, calls));
    const report = await client.ingestion('demo', 60);
    expect(report.project).toBe('demo');
    expect(calls).toEqual(['/api/v1/projects/demo/ingestion?minutes=60']);
  });

  it('calls the user events endpoint with the limit', async () => {
    const calls: string[] = [];
    const client = new SextantClient(answering(200, { project: 'demo', distinct_id: 'u1', events: [] }, calls));
    const result = await client.userEvents('demo', 'u1', { limit: 200 });
    expect(result.distinct_id).toBe('u1');
    expect(calls).toEqual(['/api/v1/projects/demo/users/u1/events?limit=200']);
  });

  it('asks for a filtered, older page of a user sequence', async () => {
    const calls: string[] = [];
    const client = new SextantClient(answering(200, { events: [], next_before: null }, calls));
    await client.userEvents('demo', 'u1', { events: ['Login', 'BindCard'], from: '2026-11-01', to: '2026-11-07', limit: 20, before: 'c/1' });
    expect(calls).toEqual([
      '/api/v1/projects/demo/users/u1/events?events=Login%2CBindCard&from=2026-11-01&to=2026-11-07&limit=20&before=c%2F1',
    ]);
  });

  it('creates, rotates and revokes keys with the CSRF token', async () => {
    const calls: { path: string; init: RequestInit }[] = [];
    const fetchFn: FetchLike = (input, init) => {
      calls.push({ path: input, init: init ?? {} });
      return Promise.resolve(new Response(JSON.stringify({ id: 'k1' }), { status: 201 }));
    };
    const client = new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t');
    await client.createApiKey('demo', { kind: 'secret', name: 'payments' });
    await client.rotateApiKey('demo', 'k1', { grace_seconds: 3600 });
    await client.revokeApiKey('demo', 'k1');
    expect(calls.map((c) => `${c.init.method} ${c.path}`)).toEqual([
      'POST /api/v1/projects/demo/keys',
      'POST /api/v1/projects/demo/keys/k1/rotate',
      'DELETE /api/v1/projects/demo/keys/k1',
    ]);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ kind: 'secret', name: 'payments' });
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({ grace_seconds: 3600 });
    for (const call of calls) expect((call.init.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('t');
  });

  it('posts a replay and a funnel drill-down, and reads the CSV as a file', async () => {
    const calls: { path: string; body: unknown }[] = [];
    const fetchFn: FetchLike = (input, init) => {
      calls.push({ path: input, body: JSON.parse(String(init?.body)) });
      const csv = input.endsWith('.csv');
      return Promise.resolve(new Response(csv ? 'user_id\nu1\n' : '{}', { status: 200, headers: { 'Content-Type': csv ? 'text/csv' : 'application/json' } }));
    };
    const client = new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t');
    await client.replayQuarantine('demo', { ids: ['q1'], dry_run: true, as_back_end: false });
    const funnel = { steps: [{ events: ['A'] }, { events: ['B'] }], window_seconds: 60, from: '2026-11-01', to: '2026-11-01', group_by: null };
    await client.funnelUsers('demo', { ...funnel, step: 2, outcome: 'dropped', limit: 50 });
    const file = await client.funnelUsersCsv('demo', { ...funnel, step: 2, outcome: 'dropped' });
    expect(await file.text()).toBe('user_id\nu1\n');
    expect(calls.map((c) => c.path)).toEqual([
      '/api/v1/projects/demo/quarantine/replay',
      '/api/v1/projects/demo/analyses/funnels/users',
      '/api/v1/projects/demo/analyses/funnels/users.csv',
    ]);
    expect(calls[0]?.body).toEqual({ ids: ['q1'], dry_run: true, as_back_end: false });
    expect(calls[1]?.body).toMatchObject({ step: 2, outcome: 'dropped', limit: 50 });
  });

  it('sends a dry-run import as YAML', async () => {
    const calls: string[] = [];
    const client = new SextantClient(answering(200, { changes: [] }, calls), 1000, () => 'XSRF-TOKEN=t');
    await client.importPlan('demo', 'project: demo', true);
    expect(calls).toEqual(['/api/v1/projects/demo/plan/import?dry_run=true']);
  });

  it('sends an edited plan as JSON with PUT, the CSRF token and a dry run', async () => {
    const calls: Array<{ path: string; body: unknown; method: string | undefined; headers: Record<string, string> }> = [];
    const client = new SextantClient(
      (input, init) => {
        calls.push({
          path: input,
          body: JSON.parse(String(init?.body)),
          method: init?.method,
          headers: init?.headers as Record<string, string>,
        });
        return Promise.resolve(new Response(JSON.stringify({ changes: [] }), { status: 200 }));
      },
      1000,
      () => 'XSRF-TOKEN=t',
    );
    const plan = { project: 'demo', version: 3, settings: { unknown_data_policy: 'STRICT', time_zone: 'Asia/Shanghai' }, business_lines: [], events: [], properties: [] };
    await client.replacePlan('demo', plan, true);
    expect(calls).toEqual([
      {
        path: '/api/v1/projects/demo/plan?dry_run=true',
        body: plan,
        method: 'PUT',
        headers: expect.objectContaining({ 'Content-Type': 'application/json', 'X-XSRF-TOKEN': 't' }),
      },
    ]);
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

/** A fake server that records each request and answers from `answer`. */
function recording(answer: (path: string, init: RequestInit) => Response) {
  const requests: Array<{ path: string; init: RequestInit }> = [];
  const fetchFn: FetchLike = (input, init = {}) => {
    requests.push({ path: input, init });
    return Promise.resolve(answer(input, init));
  };
  return { requests, fetchFn };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const headersOf = (init: RequestInit) => (init.headers ?? {}) as Record<string, string>;
const SIGNED_IN = { authenticated: true, username: 'admin', role: 'ADMIN', business_lines: [], must_change_password: false };

describe('the session', () => {
  it('sends the CSRF cookie back in X-XSRF-TOKEN on every unsafe request, and never on a safe one', async () => {
    const { requests, fetchFn } = recording(() => json(200, { changes: [] }));
    const client = new SextantClient(fetchFn, 1000, () => 'theme=dark; XSRF-TOKEN=3f1c%2Dab; other=1');
    await client.importPlan('demo', 'project: demo', true);
    await client.plan('demo');
    await client.changePassword('old password!', 'a new password');
    await client.signOut();
    expect(requests.map((r) => [r.init.method ?? 'GET', headersOf(r.init)['X-XSRF-TOKEN'] ?? null])).toEqual([
      ['POST', '3f1c-ab'],
      ['GET', null],
      ['POST', '3f1c-ab'],
      ['DELETE', '3f1c-ab'],
    ]);
  });

  it('sends the session cookie with every request', async () => {
    const { requests, fetchFn } = recording(() => json(200, { status: 'UP' }));
    const client = new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t');
    await client.health();
    await client.quarantine('demo', 10);
    await client.signIn('admin', 'pw');
    expect(requests.map((r) => r.init.credentials)).toEqual(['same-origin', 'same-origin', 'same-origin']);
  });

  it('reads the session first when there is no CSRF cookie yet (after signing out)', async () => {
    let cookies = '';
    const { requests, fetchFn } = recording((path, init) => {
      if (path === SESSION_PATHS.session && (init.method ?? 'GET') === 'GET') cookies = 'XSRF-TOKEN=fresh';
      return json(200, SIGNED_IN);
    });
    await new SextantClient(fetchFn, 1000, () => cookies).signIn('admin', 'pw');
    expect(requests.map((r) => `${r.init.method ?? 'GET'} ${r.path}`)).toEqual(['GET /api/v1/session', 'POST /api/v1/session']);
    expect(headersOf(requests[1]!.init)['X-XSRF-TOKEN']).toBe('fresh');
  });

  it('signs in with the form fields the security chain reads', async () => {
    const { requests, fetchFn } = recording(() => json(200, SIGNED_IN));
    const user = await new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t').signIn('li.lei', 'p&ss=word 密码');
    expect(user.username).toBe('admin');
    const init = requests[0]!.init;
    expect(headersOf(init)['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({ username: 'li.lei', password: 'p&ss=word 密码' });
  });

  it('changes the password with the JSON the server reads', async () => {
    const { requests, fetchFn } = recording(() => json(200, SIGNED_IN));
    await new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t').changePassword('temporary one', 'my own password');
    expect(requests[0]!.path).toBe(SESSION_PATHS.password);
    expect(JSON.parse(String(requests[0]!.init.body))).toEqual({ current_password: 'temporary one', new_password: 'my own password' });
  });

  it('tells the listeners of a 401 answered to a signed-in call, but not of a wrong password', async () => {
    const ended = { type: 'https://sextant.dev/problems/session-ended', title: 'Unauthorized', status: 401, detail: 'sign in again' };
    const { fetchFn } = recording(() => json(401, ended));
    const client = new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t');
    const heard: string[] = [];
    const stop = client.onUnauthenticated((error) => heard.push(error.code));
    await client.plan('demo').catch(() => undefined);
    await client.signIn('admin', 'wrong').catch(() => undefined);
    stop();
    await client.plan('demo').catch(() => undefined);
    expect(heard).toEqual(['session-ended']);
  });

  it('keeps the wait of a throttled sign-in', async () => {
    const throttled = { type: 'https://sextant.dev/problems/sign-in-throttled', title: 'Too Many Requests', status: 429 };
    const { fetchFn } = recording(() => json(429, throttled, { 'Retry-After': '845' }));
    const error = (await new SextantClient(fetchFn, 1000, () => 'XSRF-TOKEN=t').signIn('admin', 'x').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('sign-in-throttled');
    expect(error.retryAfterSeconds).toBe(845);
  });
});

describe('cookies and methods', () => {
  it('find a cookie by its exact name', () => {
    expect(readCookie('a=1; XSRF-TOKEN=abc; b=2', 'XSRF-TOKEN')).toBe('abc');
    expect(readCookie('MY-XSRF-TOKEN=no; XSRF-TOKEN=yes', 'XSRF-TOKEN')).toBe('yes');
    expect(readCookie('XSRF-TOKEN=a%20b', 'XSRF-TOKEN')).toBe('a b');
    expect(readCookie('XSRF-TOKEN=%E0%A4%A', 'XSRF-TOKEN')).toBe('%E0%A4%A');
    expect(readCookie('', 'XSRF-TOKEN')).toBeNull();
    expect(readCookie('flag; other=1', 'XSRF-TOKEN')).toBeNull();
  });

  it.each([
    [undefined, false],
    ['GET', false],
    ['head', false],
    ['POST', true],
    ['put', true],
    ['DELETE', true],
    ['PATCH', true],
  ])('%s is unsafe: %s', (method, unsafe) => {
    expect(isUnsafeMethod(method)).toBe(unsafe);
  });

  it('read Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('120')).toBe(120);
    expect(retryAfterSeconds('0')).toBe(1);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
    const now = Date.parse('2026-12-08T10:00:00Z');
    expect(retryAfterSeconds('Tue, 08 Dec 2026 10:01:30 GMT', now)).toBe(90);
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
