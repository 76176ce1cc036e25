// Spring Boot Actuator's health document (`GET /actuator/health`), e.g. {"status":"UP"}.

/** Statuses Spring Boot defines; a server may add its own, which are kept as they are. */
export const KNOWN_STATUSES = ['UP', 'DOWN', 'OUT_OF_SERVICE', 'UNKNOWN'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

export type HealthResult =
  /** The server answered with a health document (HTTP 200 for UP, usually 503 for DOWN). */
  | { readonly kind: 'status'; readonly status: string; readonly httpStatus: number }
  /** No usable answer: network error, timeout, or a response that is not a health document. */
  | { readonly kind: 'unreachable'; readonly reason: string };

/**
 * Reads the status out of an Actuator health body. Returns the upper-cased status string, or null
 * when the body is not a health document (not an object, or no non-empty string `status`).
 */
export function parseHealthStatus(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const status = (body as { status?: unknown }).status;
  if (typeof status !== 'string') return null;
  const trimmed = status.trim().toUpperCase();
  return trimmed === '' ? null : trimmed;
}

export function isKnownStatus(status: string): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

/** CSS modifier for a result: ok (UP), warn (OUT_OF_SERVICE/UNKNOWN/custom), down, unreachable. */
export function healthTone(result: HealthResult): 'ok' | 'warn' | 'down' | 'unreachable' {
  if (result.kind === 'unreachable') return 'unreachable';
  if (result.status === 'UP') return 'ok';
  if (result.status === 'DOWN') return 'down';
  return 'warn';
}
