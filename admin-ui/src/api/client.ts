// The typed client of the Sextant HTTP API. The console is served by the server itself, so paths
// are same-origin; in development Vite proxies /api and /actuator (vite.config.ts). Every path
// template used here is listed in API_PATHS and checked against the server's OpenAPI document.
import { parseHealthStatus, type HealthResult } from '../health';
import type { Analyses } from './analysis';
import { ApiError, networkProblem, toProblem } from './problem';
import type {
  PlanChangeOutcome,
  PlanVersions,
  QuarantinedRecords,
  TrackingPlan,
  UserEvents,
} from './types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 15_000;

/** The API paths the console calls, as the OpenAPI document writes them. */
export const API_PATHS = {
  userEvents: '/api/v1/projects/{project}/users/{distinctId}/events',
  quarantine: '/api/v1/projects/{project}/quarantine',
  plan: '/api/v1/projects/{project}/plan',
  planExport: '/api/v1/projects/{project}/plan/export',
  planImport: '/api/v1/projects/{project}/plan/import',
  planVersions: '/api/v1/projects/{project}/plan/versions',
  analysis: '/api/v1/projects/{project}/analyses/{kind}',
} as const;

/** Analyses may run up to the server's query timeout (60 s by default), then it answers 504. */
export const ANALYSIS_TIMEOUT_MS = 75_000;

export const HEALTH_PATH = '/actuator/health';

/** Fills `{name}` placeholders with URL-encoded values. */
export function expandPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : encodeURIComponent(value);
  });
}

function withQuery(path: string, query: Readonly<Record<string, string | number | boolean>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

export class SextantClient {
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;

  constructor(fetchFn: FetchLike = (input, init) => fetch(input, init), timeoutMs = DEFAULT_TIMEOUT_MS) {
    this.fetchFn = fetchFn;
    this.timeoutMs = timeoutMs;
  }

  userEvents(project: string, distinctId: string, limit: number): Promise<UserEvents> {
    const path = expandPath(API_PATHS.userEvents, { project, distinctId });
    return this.json(withQuery(path, { limit }));
  }

  quarantine(project: string, limit: number): Promise<QuarantinedRecords> {
    return this.json(withQuery(expandPath(API_PATHS.quarantine, { project }), { limit }));
  }

  plan(project: string): Promise<TrackingPlan> {
    return this.json(expandPath(API_PATHS.plan, { project }));
  }

  planVersions(project: string, limit = 100): Promise<PlanVersions> {
    return this.json(withQuery(expandPath(API_PATHS.planVersions, { project }), { limit }));
  }

  /** The whole plan as YAML, in the server's stable order. */
  async exportPlan(project: string): Promise<string> {
    const response = await this.send(expandPath(API_PATHS.planExport, { project }), {
      headers: { Accept: 'application/yaml' },
    });
    return response.text();
  }

  /** Imports a YAML plan; with `dryRun` the server answers the diff without saving. */
  importPlan(project: string, yaml: string, dryRun: boolean): Promise<PlanChangeOutcome> {
    const path = withQuery(expandPath(API_PATHS.planImport, { project }), { dry_run: dryRun });
    return this.json(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/yaml', 'X-Sextant-Author': 'console' },
      body: yaml,
    });
  }

  /** Runs an analysis (docs/query-api.md); a refused request is an ApiError naming the field. */
  analyze<K extends keyof Analyses>(project: string, kind: K, request: Analyses[K][0]): Promise<Analyses[K][1]> {
    return this.json(
      expandPath(API_PATHS.analysis, { project, kind }),
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) },
      Math.max(this.timeoutMs, ANALYSIS_TIMEOUT_MS),
    );
  }

  /** The server's health; never throws. */
  async health(): Promise<HealthResult> {
    try {
      const response = await this.fetchFn(HEALTH_PATH, {
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const status = parseHealthStatus(await response.json().catch(() => null));
      return status === null
        ? { kind: 'unreachable', reason: `HTTP ${response.status}` }
        : { kind: 'status', status, httpStatus: response.status };
    } catch (error) {
      return { kind: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private async json<T>(path: string, init: RequestInit = {}, timeoutMs = this.timeoutMs): Promise<T> {
    const headers = { Accept: 'application/json', ...(init.headers as Record<string, string>) };
    const response = await this.send(path, { ...init, headers }, timeoutMs);
    return (await response.json()) as T;
  }

  /** Sends a request; a non-2xx answer or no answer becomes an {@link ApiError}. */
  private async send(path: string, init: RequestInit, timeoutMs = this.timeoutMs): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchFn(path, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new ApiError(networkProblem(error instanceof Error ? error.message : String(error)));
    }
    if (response.ok) return response;
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(toProblem(response.status, response.statusText, body));
  }
}
