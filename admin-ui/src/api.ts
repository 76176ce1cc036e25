// HTTP access to the Sextant server. The UI is served by the server itself, so all paths are
// same-origin; in development Vite proxies /api and /actuator to localhost:8080 (vite.config.ts).
import { parseHealthStatus, type HealthResult } from './health';
import type { MessageKey } from './i18n';

export const HEALTH_PATH = '/actuator/health';
export const DEFAULT_TIMEOUT_MS = 5000;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiEndpoint {
  readonly method: 'GET' | 'POST';
  /** Path as documented, with `{placeholders}`. */
  readonly path: string;
  /** A concrete URL to open for GET endpoints, or null when it cannot simply be opened. */
  readonly href: string | null;
  readonly description: MessageKey;
}

export const DEMO_PROJECT = 'demo';
/** Used to make the GET endpoint's example link; any distinct id works. */
export const EXAMPLE_DISTINCT_ID = 'demo-user';

export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  {
    method: 'POST',
    path: `/api/v1/events?project=${DEMO_PROJECT}`,
    href: null,
    description: 'api.track',
  },
  {
    method: 'GET',
    path: `/api/v1/projects/${DEMO_PROJECT}/users/{distinctId}/events`,
    href: expandPath(`/api/v1/projects/${DEMO_PROJECT}/users/{distinctId}/events`, {
      distinctId: EXAMPLE_DISTINCT_ID,
    }),
    description: 'api.userEvents',
  },
];

/** Fills `{name}` placeholders of an endpoint path with URL-encoded values. */
export function expandPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? encodeURIComponent(values[name]!) : whole,
  );
}

function describeError(error: unknown): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'timeout';
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Asks the server for its health. Never throws: a network failure, a timeout or an answer that is
 * not an Actuator health document (e.g. an HTML error page from a proxy) gives `unreachable`.
 * Actuator answers 503 with {"status":"DOWN"} when down, so the body is read whatever the HTTP code.
 */
export async function fetchHealth(
  fetchFn: FetchLike = (input, init) => fetch(input, init),
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<HealthResult> {
  let response: Response;
  try {
    response = await fetchFn(HEALTH_PATH, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: 'unreachable', reason: describeError(error) };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'unreachable', reason: `HTTP ${response.status}` };
  }
  const status = parseHealthStatus(body);
  return status === null
    ? { kind: 'unreachable', reason: `HTTP ${response.status}` }
    : { kind: 'status', status, httpStatus: response.status };
}
