// Errors of the API client. The server answers errors as RFC 9457 problem details
// (`application/problem+json`); anything else (a proxy's HTML page, no answer) is mapped too, so
// that pages have one error type to show.

export interface ProblemDetail {
  /** The stable problem type URI, e.g. https://sextant.dev/problems/invalid-query. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | null;
  readonly instance: string | null;
  /** Extension members such as `errors` of invalid-tracking-plan. */
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** A failed API call: the server's problem, or a network failure (`status` 0). */
export class ApiError extends Error {
  readonly problem: ProblemDetail;
  /** The answer's `Retry-After` in seconds (429 sign-in-throttled), else null. */
  readonly retryAfterSeconds: number | null;

  constructor(problem: ProblemDetail, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfter;
  }

  /** The last segment of the problem type, e.g. `tracking-plan-not-found`. */
  get code(): string {
    return problemCode(this.problem.type);
  }

  get isNetworkFailure(): boolean {
    return this.problem.status === 0;
  }
}

/**
 * Reads a `Retry-After` header: delay-seconds, or an HTTP date (RFC 9110 §10.2.3) counted from
 * `now`. Null when absent or unreadable; never below 1 s when present.
 */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.max(1, Number.parseInt(text, 10));
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - now) / 1000));
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance']);

export function problemCode(type: string): string {
  const trimmed = type.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * Reads a problem document from an error response body. A body that is not a problem document (or
 * no body) gives a problem built from the HTTP status, with `about:blank` as its type (RFC 9457 §4.2).
 */
export function toProblem(httpStatus: number, statusText: string, body: unknown): ProblemDetail {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return blankProblem(httpStatus, statusText);
  }
  const record = body as Record<string, unknown>;
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!STANDARD_MEMBERS.has(key)) extensions[key] = value;
  }
  return {
    type: typeof record.type === 'string' && record.type !== '' ? record.type : 'about:blank',
    title: typeof record.title === 'string' ? record.title : statusText || `HTTP ${httpStatus}`,
    status: typeof record.status === 'number' ? record.status : httpStatus,
    detail: typeof record.detail === 'string' ? record.detail : null,
    instance: typeof record.instance === 'string' ? record.instance : null,
    extensions,
  };
}

function blankProblem(httpStatus: number, statusText: string): ProblemDetail {
  return {
    type: 'about:blank',
    title: statusText || `HTTP ${httpStatus}`,
    status: httpStatus,
    detail: null,
    instance: null,
    extensions: {},
  };
}

/** A problem for a call that got no HTTP answer at all. */
export function networkProblem(reason: string): ProblemDetail {
  return {
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail: reason,
    instance: null,
    extensions: {},
  };
}

/** The messages of an `errors` extension (invalid-tracking-plan lists every broken rule there). */
export function problemErrors(problem: ProblemDetail): string[] {
  const errors = problem.extensions.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((error) => {
    if (typeof error === 'string') return error;
    if (typeof error === 'object' && error !== null) {
      const { path, message } = error as { path?: unknown; message?: unknown };
      const text = typeof message === 'string' ? message : JSON.stringify(error);
      return typeof path === 'string' && path !== '' ? `${path}: ${text}` : text;
    }
    return String(error);
  });
}

/** The request field a problem names (the analysis API's `field` member, e.g. `metrics[1].measure`). */
export function problemField(problem: ProblemDetail): string | null {
  const field = problem.extensions.field;
  return typeof field === 'string' && field !== '' ? field : null;
}
