// The JSON the Sextant server answers with (snake_case, as on the wire). Checked against the
// server's OpenAPI document by openapi.test.ts; shapes follow docs/architecture.md and
// docs/tracking-plan.md.

export type Properties = Readonly<Record<string, unknown>>;

/** One stored event of a user's action sequence. */
export interface UserEvent {
  readonly event: string;
  readonly display_name: string | null;
  /** The id the event was sent under: the user's login id or one of its anonymous ids. */
  readonly distinct_id: string;
  /** ISO-8601 instant. */
  readonly time: string;
  readonly insert_id: string;
  readonly properties: Properties;
}

export interface UserEvents {
  readonly project: string;
  readonly distinct_id: string;
  /** The user the id belongs to, as analyses count it: its linked login id, else itself. */
  readonly user_id: string;
  /** Every id of the user: user_id first, then the anonymous ids linked to it. */
  readonly distinct_ids: readonly string[];
  /** The user's latest profile properties, by name; null when the user has none. */
  readonly profile: Properties | null;
  readonly events: readonly UserEvent[];
  /** The cursor of the next (older) page, opaque; null on the last page. */
  readonly next_before: string | null;
}

/** `GET …/users/{id}/events` parameters; all optional (docs/query-api.md). */
export interface UserEventsQuery {
  readonly events?: readonly string[];
  /** A local date `yyyy-MM-dd` (from its start) or an instant. */
  readonly from?: string;
  /** A local date `yyyy-MM-dd` (to its end) or an instant (exclusive). */
  readonly to?: string;
  readonly limit?: number;
  readonly before?: string;
}

export interface QuarantineReason {
  readonly code: string;
  readonly path: string | null;
  readonly message: string;
}

export interface QuarantinedRecord {
  readonly project: string;
  readonly quarantine_id: string;
  readonly received_at: string;
  readonly reasons: readonly QuarantineReason[];
  /** The record exactly as it was received (usually JSON text). */
  readonly payload: string;
  /** Its replay, once it was replayed and stored; null before. */
  readonly replay: QuarantineReplay | null;
}

/** That a quarantined record was replayed and stored (as `insert_id`). */
export interface QuarantineReplay {
  readonly quarantine_id: string;
  readonly replayed_at: string;
  readonly insert_id: string;
  readonly replayed_by: string;
}

export interface QuarantinedRecords {
  readonly project: string;
  readonly records: readonly QuarantinedRecord[];
  /** Whether this server can replay (the all-in-one server can; the query service cannot). */
  readonly replay_available: boolean;
}

/** Records received in one minute (`GET …/ingestion`), by their reception time. */
export interface IngestionMinute {
  /** ISO-8601 instant of the minute's start. */
  readonly start: string;
  readonly accepted: number;
  readonly quarantined: number;
}

/** Records received from `from` until the report's `now`. */
export interface IngestionCounts {
  readonly from: string;
  readonly accepted: number;
  readonly quarantined: number;
}

/** `GET …/ingestion?minutes=`: what the project is receiving now (docs/query-api.md, "Ingestion"). */
export interface IngestionReport {
  readonly project: string;
  /** The server's clock when it answered: lag is measured against it, not the browser's. */
  readonly now: string;
  readonly time_zone: string;
  /** Oldest first, zero-filled; the last is the current minute, still filling. */
  readonly minutes: readonly IngestionMinute[];
  readonly window: IngestionCounts;
  readonly today: IngestionCounts;
  /** The latest reception of a stored event, or null when the project has none. */
  readonly latest_received_at: string | null;
}

/** `POST …/quarantine/replay`. `as_back_end`: vouch for back-end-only events (admins only). */
export interface ReplayRequest {
  readonly ids: readonly string[];
  readonly dry_run: boolean;
  readonly as_back_end: boolean;
}

export type ReplayStatus = 'replayed' | 'would_replay' | 'still_invalid' | 'already_replayed' | 'not_found';

export interface ReplayResult {
  readonly quarantine_id: string;
  readonly status: ReplayStatus;
  /** What it was stored as: for `replayed`, and for `already_replayed`. */
  readonly insert_id: string | null;
  /** Today's reasons, for `still_invalid`. */
  readonly reasons: readonly QuarantineReason[] | null;
}

export interface ReplayReport {
  readonly dry_run: boolean;
  /** Records per status, every status present. */
  readonly counts: Readonly<Partial<Record<ReplayStatus, number>>>;
  /** One per id asked for, in the request's order. */
  readonly results: readonly ReplayResult[];
}

export type ApiKeyKind = 'public' | 'secret';
export type ApiKeyStatus = 'active' | 'expiring' | 'expired' | 'revoked';

/** A project API key (docs/security.md, "Project API keys"); absent fields are not sent. */
export interface ApiKey {
  readonly id: string;
  readonly project: string;
  readonly kind: ApiKeyKind;
  readonly name: string;
  /** The key's first characters, e.g. `sx_sec_Q3mZ`. */
  readonly hint: string;
  readonly status: ApiKeyStatus;
  readonly created_at: string;
  readonly created_by?: string;
  /** When a rotated key stops working. */
  readonly expires_at?: string;
  readonly revoked_at?: string;
  /** The key's text: only in the answer that issued it, never again. */
  readonly key?: string;
}

export interface NewApiKey {
  readonly kind: ApiKeyKind;
  readonly name: string;
}

export interface KeyRotation {
  readonly grace_seconds: number;
}

export interface BusinessLine {
  readonly name: string;
  readonly event_prefix: string | null;
  readonly display_name: string | null;
  readonly display_name_en: string | null;
  readonly owner: string | null;
}

export interface EventProperty {
  readonly name: string;
  readonly required: boolean;
}

export interface EventDefinition {
  readonly name: string;
  readonly display_name: string | null;
  readonly display_name_en: string | null;
  readonly description: string | null;
  readonly business_line: string | null;
  readonly collected_by: string | null;
  readonly trigger: string | null;
  readonly status: string | null;
  readonly properties: readonly EventProperty[];
}

export interface EnumValue {
  readonly value: string;
  readonly label: string | null;
  readonly label_en: string | null;
  readonly deprecated: boolean;
}

export interface PropertyDefinition {
  readonly name: string;
  readonly display_name: string | null;
  readonly display_name_en: string | null;
  readonly description: string | null;
  readonly type: string;
  readonly unit: string | null;
  readonly values: readonly EnumValue[];
  readonly max_length: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly pii: string | null;
  readonly collected_by: string | null;
  readonly common: boolean;
  readonly status: string | null;
}

export interface TrackingPlan {
  readonly project: string;
  readonly version: number;
  readonly settings: { readonly unknown_data_policy: string; readonly time_zone: string };
  readonly business_lines: readonly BusinessLine[];
  readonly events: readonly EventDefinition[];
  readonly properties: readonly PropertyDefinition[];
}

export interface PlanChange {
  readonly kind: 'ADDED' | 'REMOVED' | 'CHANGED' | string;
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface PlanVersion {
  readonly project: string;
  readonly version: number;
  readonly author: string | null;
  readonly saved_at: string;
  readonly changes: readonly PlanChange[];
}

export interface PlanVersions {
  readonly project: string;
  readonly versions: readonly PlanVersion[];
}

/** The outcome of `PUT …/plan` or `POST …/plan/import`, with or without `dry_run`. */
export interface PlanChangeOutcome {
  readonly project: string;
  readonly base_version: number;
  readonly version: number;
  readonly dry_run: boolean;
  readonly saved: boolean;
  readonly author: string | null;
  readonly saved_at: string | null;
  readonly changes: readonly PlanChange[];
}

/** A console user's role (docs/security.md, "Roles"); the server enforces it, the console hides. */
export type Role = 'ADMIN' | 'ANALYST' | 'CUSTOMER_SERVICE' | 'PLAN_DEVELOPER';

/** `GET /api/v1/session` when someone is signed in, and the answer of signing in. */
export interface SignedIn {
  readonly authenticated: true;
  readonly username: string;
  readonly role: Role;
  /** The business lines an analyst is scoped to; empty for the other roles. */
  readonly business_lines: readonly string[];
  /** A temporary password (or a generated first one): the user may do nothing else until changed. */
  readonly must_change_password: boolean;
}

/** `GET /api/v1/session` when no one is. */
export interface SignedOut {
  readonly authenticated: false;
  readonly username: null;
  readonly role: null;
  readonly business_lines: null;
  readonly must_change_password: null;
}

/** The server's `SessionView`, told apart by `authenticated`. */
export type Session = SignedIn | SignedOut;

/** `POST /api/v1/session/password`. */
export interface PasswordChange {
  readonly current_password: string;
  readonly new_password: string;
}
