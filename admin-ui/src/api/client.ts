// The typed client of the Sextant HTTP API. The console is served by the server itself, so paths
// are same-origin; in development Vite proxies /api and /actuator (vite.config.ts). Every path
// template used here is listed in API_PATHS or SESSION_PATHS and checked against the server's
// OpenAPI document. Requests carry the session cookie, and unsafe ones the CSRF token
// (docs/security.md).
import { parseHealthStatus, type HealthResult } from '../health';
import type { Analyses, FunnelUsersPage, FunnelUsersRequest } from './analysis';
import { ApiError, networkProblem, retryAfterSeconds, toProblem } from './problem';
import type {
  Campaign,
  EffectReport,
  EffectRequest,
  MembersPage,
  NewCampaign,
  NewSegment,
  SegmentCompareRequest,
  SegmentComparison,
  SegmentPreview,
  SegmentPreviewRequest,
  SegmentView,
  Snapshot,
} from './segments';
import type {
  ApiKey,
  IngestionReport,
  KeyRotation,
  NewApiKey,
  PasswordChange,
  PlanChangeOutcome,
  PlanVersions,
  QuarantinedRecords,
  ReplayReport,
  ReplayRequest,
  Session,
  SignedIn,
  TrackingPlan,
  UserEvents,
  UserEventsQuery,
} from './types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 15_000;

/** The API paths the console calls, as the OpenAPI document writes them. */
export const API_PATHS = {
  userEvents: '/api/v1/projects/{project}/users/{distinctId}/events',
  quarantine: '/api/v1/projects/{project}/quarantine',
  quarantineReplay: '/api/v1/projects/{project}/quarantine/replay',
  ingestion: '/api/v1/projects/{project}/ingestion',
  keys: '/api/v1/projects/{project}/keys',
  keyRotate: '/api/v1/projects/{project}/keys/{id}/rotate',
  key: '/api/v1/projects/{project}/keys/{id}',
  funnelUsers: '/api/v1/projects/{project}/analyses/funnels/users',
  funnelUsersCsv: '/api/v1/projects/{project}/analyses/funnels/users.csv',
  plan: '/api/v1/projects/{project}/plan',
  planExport: '/api/v1/projects/{project}/plan/export',
  planImport: '/api/v1/projects/{project}/plan/import',
  planVersions: '/api/v1/projects/{project}/plan/versions',
  analysis: '/api/v1/projects/{project}/analyses/{kind}',
  segments: '/api/v1/projects/{project}/segments',
  segment: '/api/v1/projects/{project}/segments/{id}',
  segmentPreview: '/api/v1/projects/{project}/segments/preview',
  segmentCompare: '/api/v1/projects/{project}/segments/compare',
  snapshots: '/api/v1/projects/{project}/segments/{id}/snapshots',
  members: '/api/v1/projects/{project}/segments/{id}/snapshots/{snapshot}/members',
  membersCsv: '/api/v1/projects/{project}/segments/{id}/snapshots/{snapshot}/members.csv',
  campaigns: '/api/v1/projects/{project}/campaigns',
  campaign: '/api/v1/projects/{project}/campaigns/{id}',
  campaignEffect: '/api/v1/projects/{project}/campaigns/{id}/effect',
} as const;

/**
 * The session endpoints. `GET` and `POST .../password` are controllers, in the OpenAPI document;
 * signing in (`POST`) and out (`DELETE`) are answered by the security filter chain, which the
 * document does not describe (client.test.ts checks both halves of this).
 */
export const SESSION_PATHS = {
  session: '/api/v1/session',
  password: '/api/v1/session/password',
} as const;

/** Spring Security's single-page-application CSRF mode: the cookie's value goes back in a header. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** Whether a request changes something, and so must carry the CSRF token. */
export function isUnsafeMethod(method: string | undefined): boolean {
  return !SAFE_METHODS.has((method ?? 'GET').toUpperCase());
}

/** The value of a cookie in a `document.cookie` string, or null. */
export function readCookie(cookies: string, name: string): string | null {
  for (const pair of cookies.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** Told when a call is refused for want of a session (401), so the console can sign in again. */
export type SessionListener = (error: ApiError) => void;

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

type QueryValue = string | number | boolean | readonly string[] | undefined;

/** Appends the defined parameters; a list becomes one comma-separated parameter. */
export function withQuery(path: string, query: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

function documentCookies(): string {
  return typeof document === 'undefined' ? '' : document.cookie;
}

export class SextantClient {
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;
  private readonly cookies: () => string;
  private readonly listeners = new Set<SessionListener>();

  constructor(
    fetchFn: FetchLike = (input, init) => fetch(input, init),
    timeoutMs = DEFAULT_TIMEOUT_MS,
    cookies: () => string = documentCookies,
  ) {
    this.fetchFn = fetchFn;
    this.timeoutMs = timeoutMs;
    this.cookies = cookies;
  }

  /** Calls `listener` whenever an API call answers 401; returns the way to stop. */
  onUnauthenticated(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Who is signed in; also makes the server set the CSRF cookie. */
  session(): Promise<Session> {
    return this.json(SESSION_PATHS.session);
  }

  /** Signs in with the form fields the security chain reads; a 401 here is a wrong password. */
  signIn(username: string, password: string): Promise<SignedIn> {
    return this.json(
      SESSION_PATHS.session,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username, password }).toString(),
      },
      this.timeoutMs,
      false,
    );
  }

  async signOut(): Promise<void> {
    await this.send(SESSION_PATHS.session, { method: 'DELETE' });
  }

  /** Changes one's own password; this session stays signed in, the user's others end. */
  changePassword(currentPassword: string, newPassword: string): Promise<SignedIn> {
    return this.json(SESSION_PATHS.password, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ current_password: currentPassword, new_password: newPassword } satisfies PasswordChange),
    });
  }

  /** A page of a user's events, newest first; `before` is the previous page's `next_before`. */
  userEvents(project: string, distinctId: string, query: UserEventsQuery = {}): Promise<UserEvents> {
    const path = expandPath(API_PATHS.userEvents, { project, distinctId });
    const { events, from, to, limit, before } = query;
    return this.json(withQuery(path, { events, from, to, limit, before }));
  }

  quarantine(project: string, limit: number): Promise<QuarantinedRecords> {
    return this.json(withQuery(expandPath(API_PATHS.quarantine, { project }), { limit }));
  }

  /** Records received per minute over the last `minutes`, today's totals and the latest reception. */
  ingestion(project: string, minutes: number): Promise<IngestionReport> {
    return this.json(withQuery(expandPath(API_PATHS.ingestion, { project }), { minutes }));
  }

  /** Replays quarantined records (or, with `dry_run`, says what a replay would do). */
  replayQuarantine(project: string, request: ReplayRequest): Promise<ReplayReport> {
    return this.postJson(expandPath(API_PATHS.quarantineReplay, { project }), request);
  }

  /** The project's API keys, newest first. */
  apiKeys(project: string): Promise<ApiKey[]> {
    return this.json(expandPath(API_PATHS.keys, { project }));
  }

  /** Issues a key; its text is in `key` of this answer only. */
  createApiKey(project: string, request: NewApiKey): Promise<ApiKey> {
    return this.postJson(expandPath(API_PATHS.keys, { project }), request);
  }

  /** Issues a successor of the same kind and name; the old key works `grace_seconds` longer. */
  rotateApiKey(project: string, id: string, rotation: KeyRotation): Promise<ApiKey> {
    return this.postJson(expandPath(API_PATHS.keyRotate, { project, id }), rotation);
  }

  revokeApiKey(project: string, id: string): Promise<ApiKey> {
    return this.json(expandPath(API_PATHS.key, { project, id }), { method: 'DELETE' });
  }

  /** A page of the users who reached, or dropped at, a funnel step. */
  funnelUsers(project: string, request: FunnelUsersRequest): Promise<FunnelUsersPage> {
    return this.postJson(expandPath(API_PATHS.funnelUsers, { project }), request, ANALYSIS_TIMEOUT_MS);
  }

  /** Every user of a funnel step as CSV (`user_id` header); a refused request is an ApiError. */
  async funnelUsersCsv(project: string, request: FunnelUsersRequest): Promise<Blob> {
    const response = await this.send(
      expandPath(API_PATHS.funnelUsersCsv, { project }),
      { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/csv' }, body: JSON.stringify(request) },
      Math.max(this.timeoutMs, ANALYSIS_TIMEOUT_MS),
    );
    return response.blob();
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

  /**
   * Replaces the plan with an edited copy (`PUT …/plan`); its `version` is the base version. With
   * `dryRun` the server answers the diff without saving.
   */
  replacePlan(project: string, plan: TrackingPlan, dryRun: boolean): Promise<PlanChangeOutcome> {
    const path = withQuery(expandPath(API_PATHS.plan, { project }), { dry_run: dryRun });
    return this.json(path, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-Sextant-Author': 'console' },
      body: JSON.stringify(plan),
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

  /** The project's saved segments, newest first. */
  segments(project: string): Promise<SegmentView[]> {
    return this.json(expandPath(API_PATHS.segments, { project }));
  }

  segment(project: string, id: string): Promise<SegmentView> {
    return this.json(expandPath(API_PATHS.segment, { project, id }));
  }

  /** Saves a segment; the server checks its rule against the project's properties first. */
  createSegment(project: string, segment: NewSegment): Promise<SegmentView> {
    return this.postJson(expandPath(API_PATHS.segments, { project }), segment, ANALYSIS_TIMEOUT_MS);
  }

  async deleteSegment(project: string, id: string): Promise<void> {
    await this.send(expandPath(API_PATHS.segment, { project, id }), { method: 'DELETE' });
  }

  /** How many users a rule holds now (or as of a date): the builder's live count. */
  previewSegment(project: string, request: SegmentPreviewRequest): Promise<SegmentPreview> {
    return this.postJson(expandPath(API_PATHS.segmentPreview, { project }), request, ANALYSIS_TIMEOUT_MS);
  }

  /** A funnel per segment, the first segment compared with each other. */
  compareSegments(project: string, request: SegmentCompareRequest): Promise<SegmentComparison> {
    return this.postJson(expandPath(API_PATHS.segmentCompare, { project }), request, ANALYSIS_TIMEOUT_MS);
  }

  /** A segment's snapshots, newest first. */
  snapshots(project: string, id: string): Promise<Snapshot[]> {
    return this.json(expandPath(API_PATHS.snapshots, { project, id }));
  }

  /** Evaluates a saved segment (as of a date, default today) and stores its members. */
  createSnapshot(project: string, id: string, asOf?: string): Promise<Snapshot> {
    return this.postJson(expandPath(API_PATHS.snapshots, { project, id }), asOf === undefined ? {} : { as_of: asOf }, ANALYSIS_TIMEOUT_MS);
  }

  /** A page of a snapshot's members in ascending order; `after` is the previous page's `next_after`. */
  members(project: string, id: string, snapshot: string, page: { limit?: number; after?: string | null } = {}): Promise<MembersPage> {
    const path = expandPath(API_PATHS.members, { project, id, snapshot });
    return this.json(withQuery(path, { limit: page.limit, after: page.after ?? undefined }));
  }

  /** Every member of a snapshot as CSV (`user_id` header). */
  async membersCsv(project: string, id: string, snapshot: string): Promise<Blob> {
    const response = await this.send(
      expandPath(API_PATHS.membersCsv, { project, id, snapshot }),
      { headers: { Accept: 'text/csv' } },
      Math.max(this.timeoutMs, ANALYSIS_TIMEOUT_MS),
    );
    return response.blob();
  }

  /** The project's campaigns, newest first. */
  campaigns(project: string): Promise<Campaign[]> {
    return this.json(expandPath(API_PATHS.campaigns, { project }));
  }

  campaign(project: string, id: string): Promise<Campaign> {
    return this.json(expandPath(API_PATHS.campaign, { project, id }));
  }

  /** Targets a snapshot, holding out a share of it (the same users on every run). */
  createCampaign(project: string, campaign: NewCampaign): Promise<Campaign> {
    return this.postJson(expandPath(API_PATHS.campaigns, { project }), campaign, ANALYSIS_TIMEOUT_MS);
  }

  /** The campaign's funnel for the targeted users, the holdout and everyone else, compared. */
  campaignEffect(project: string, id: string, request: EffectRequest): Promise<EffectReport> {
    return this.postJson(expandPath(API_PATHS.campaignEffect, { project, id }), request, ANALYSIS_TIMEOUT_MS);
  }

  /** The server's health; never throws. */
  async health(): Promise<HealthResult> {
    try {
      const response = await this.fetchFn(HEALTH_PATH, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
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

  private postJson<T>(path: string, body: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    return this.json(
      path,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      Math.max(this.timeoutMs, timeoutMs),
    );
  }

  private async json<T>(path: string, init: RequestInit = {}, timeoutMs = this.timeoutMs, reports401 = true): Promise<T> {
    const headers = { Accept: 'application/json', ...(init.headers as Record<string, string>) };
    const response = await this.send(path, { ...init, headers }, timeoutMs, reports401);
    return (await response.json()) as T;
  }

  /**
   * Sends a request with the session cookie, and with the CSRF token when it changes something; a
   * non-2xx answer or no answer becomes an {@link ApiError}, and a 401 is also told to the
   * listeners (but for a sign-in, where it means a wrong password).
   */
  private async send(path: string, init: RequestInit, timeoutMs = this.timeoutMs, reports401 = true): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    if (isUnsafeMethod(init.method)) {
      const token = await this.csrfToken();
      if (token !== null) headers[CSRF_HEADER] = token;
    }
    let response: Response;
    try {
      response = await this.fetchFn(path, {
        ...init,
        headers,
        credentials: 'same-origin',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ApiError(networkProblem(error instanceof Error ? error.message : String(error)));
    }
    if (response.ok) return response;
    const body: unknown = await response.json().catch(() => null);
    const error = new ApiError(
      toProblem(response.status, response.statusText, body),
      retryAfterSeconds(response.headers.get('Retry-After')),
    );
    if (response.status === 401 && reports401) for (const listener of this.listeners) listener(error);
    throw error;
  }

  /**
   * The CSRF cookie's value. The server sets the cookie when the session is read, and clears it at
   * sign-in and sign-out; without one, reading the session first gets a fresh one.
   */
  private async csrfToken(): Promise<string | null> {
    const token = readCookie(this.cookies(), CSRF_COOKIE);
    if (token !== null) return token;
    try {
      await this.fetchFn(SESSION_PATHS.session, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      return null; // the request itself will fail and say why
    }
    return readCookie(this.cookies(), CSRF_COOKIE);
  }
}
