package dev.sextant.registry.rules;

/**
 * The rules a plan and its changes must keep. Codes are stable: clients match on them. See {@code
 * docs/tracking-plan.md} for each.
 */
public enum ViolationCode {
  // A plan on its own.
  REQUIRED,
  PROJECT_MISMATCH,
  INVALID_NAME,
  NAME_TOO_LONG,
  RESERVED_NAME,
  SYSTEM_NAME,
  DUPLICATE_NAME,
  NAME_CLASH_IGNORING_CASE,
  INVALID_PREFIX,
  DUPLICATE_PREFIX,
  EVENT_PREFIX_MISMATCH,
  UNDEFINED_BUSINESS_LINE,
  UNDEFINED_PROPERTY,
  FORBIDDEN_PROPERTY_USED,
  NOT_ALLOWED_FOR_TYPE,
  INVALID_BOUNDS,
  INVALID_ENUM_VALUE,
  DUPLICATE_ENUM_VALUE,
  TEXT_TOO_LONG,
  INVALID_TIME_ZONE,
  // A change from the current version: it would break stored data or the apps that send it.
  TYPE_CHANGED,
  ACTIVE_EVENT_REMOVED,
  ACTIVE_PROPERTY_REMOVED,
  ENUM_VALUE_REMOVED,
  BACK_TO_DRAFT,
  TIME_ZONE_CHANGED
}
