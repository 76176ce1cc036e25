// The client's wire types against the server's OpenAPI schemas (src/api/openapi.json, a copy of
// GET /v3/api-docs): each map below must name exactly the interface's fields (checked by tsc), and
// exactly the schema's properties (checked here).
import { describe, expect, it } from 'vitest';
import openapi from './openapi.json';
import type { FunnelUsersPage } from './analysis';
import type * as Api from './types';

type Fields<T> = { readonly [K in keyof Required<T>]: true };
const fields = <T,>(map: Fields<T>) => Object.keys(map).sort();

const CHECKED: ReadonlyArray<readonly [schema: string, fields: string[]]> = [
  [
    'UserSequence',
    fields<Api.UserEvents>({
      project: true,
      distinct_id: true,
      user_id: true,
      distinct_ids: true,
      profile: true,
      events: true,
      next_before: true,
    }),
  ],
  ['UserEvent', fields<Api.UserEvent>({ event: true, display_name: true, distinct_id: true, time: true, insert_id: true, properties: true })],
  ['QuarantinePage', fields<Api.QuarantinedRecords>({ project: true, records: true, replay_available: true })],
  [
    'Entry',
    fields<Api.QuarantinedRecord>({ project: true, quarantine_id: true, received_at: true, reasons: true, payload: true, replay: true }),
  ],
  ['QuarantineReplay', fields<Api.QuarantineReplay>({ quarantine_id: true, replayed_at: true, insert_id: true, replayed_by: true })],
  ['ReplayRequest', fields<Api.ReplayRequest>({ ids: true, dry_run: true, as_back_end: true })],
  ['ReplayReport', fields<Api.ReplayReport>({ dry_run: true, counts: true, results: true })],
  ['Result', fields<Api.ReplayResult>({ quarantine_id: true, status: true, insert_id: true, reasons: true })],
  [
    'KeyView',
    fields<Api.ApiKey>({
      id: true,
      project: true,
      kind: true,
      name: true,
      hint: true,
      status: true,
      created_at: true,
      created_by: true,
      expires_at: true,
      revoked_at: true,
      key: true,
    }),
  ],
  ['FunnelUsersPage', fields<FunnelUsersPage>({ users: true, next_after: true, total: true })],
  [
    'IngestionReport',
    fields<Api.IngestionReport>({
      project: true,
      now: true,
      time_zone: true,
      minutes: true,
      window: true,
      today: true,
      latest_received_at: true,
    }),
  ],
  ['Minute', fields<Api.IngestionMinute>({ start: true, accepted: true, quarantined: true })],
  ['Counts', fields<Api.IngestionCounts>({ from: true, accepted: true, quarantined: true })],
  ['NewKey', fields<Api.NewApiKey>({ kind: true, name: true })],
  ['Rotation', fields<Api.KeyRotation>({ grace_seconds: true })],
  ['QuarantineReason', fields<Api.QuarantineReason>({ code: true, path: true, message: true })],
  [
    'TrackingPlan',
    fields<Api.TrackingPlan>({ project: true, version: true, settings: true, business_lines: true, events: true, properties: true }),
  ],
  ['ProjectSettings', fields<Api.TrackingPlan['settings']>({ unknown_data_policy: true, time_zone: true })],
  [
    'BusinessLine',
    fields<Api.BusinessLine>({ name: true, event_prefix: true, display_name: true, display_name_en: true, owner: true }),
  ],
  [
    'EventDefinition',
    fields<Api.EventDefinition>({
      name: true,
      display_name: true,
      display_name_en: true,
      description: true,
      business_line: true,
      collected_by: true,
      trigger: true,
      status: true,
      properties: true,
    }),
  ],
  ['EventProperty', fields<Api.EventProperty>({ name: true, required: true })],
  [
    'PropertyDefinition',
    fields<Api.PropertyDefinition>({
      name: true,
      display_name: true,
      display_name_en: true,
      description: true,
      type: true,
      unit: true,
      values: true,
      max_length: true,
      min: true,
      max: true,
      pii: true,
      collected_by: true,
      common: true,
      status: true,
    }),
  ],
  ['EnumValue', fields<Api.EnumValue>({ value: true, label: true, label_en: true, deprecated: true })],
  ['PlanHistory', fields<Api.PlanVersions>({ project: true, versions: true })],
  ['PlanVersion', fields<Api.PlanVersion>({ project: true, version: true, author: true, saved_at: true, changes: true })],
  ['PlanChange', fields<Api.PlanChange>({ kind: true, path: true, before: true, after: true })],
  [
    'ChangeOutcome',
    fields<Api.PlanChangeOutcome>({
      project: true,
      base_version: true,
      version: true,
      dry_run: true,
      saved: true,
      author: true,
      saved_at: true,
      changes: true,
    }),
  ],
  [
    'SessionView',
    fields<Api.SignedIn>({ authenticated: true, username: true, role: true, business_lines: true, must_change_password: true }),
  ],
  [
    'SessionView',
    fields<Api.SignedOut>({ authenticated: true, username: true, role: true, business_lines: true, must_change_password: true }),
  ],
  ['PasswordChange', fields<Api.PasswordChange>({ current_password: true, new_password: true })],
];

const schemas = openapi.components.schemas as Record<string, { properties?: Record<string, unknown> }>;

describe('wire types', () => {
  it('name every role the server has', () => {
    const roles: Record<Api.Role, true> = { ADMIN: true, ANALYST: true, CUSTOMER_SERVICE: true, PLAN_DEVELOPER: true };
    const role = schemas.SessionView?.properties?.role as { enum?: string[] } | undefined;
    expect(role?.enum?.slice().sort()).toEqual(Object.keys(roles).sort());
  });

  it.each(CHECKED)('match the OpenAPI schema %s', (schema, names) => {
    expect(Object.keys(schemas[schema]?.properties ?? {}).sort()).toEqual(names);
  });
});
