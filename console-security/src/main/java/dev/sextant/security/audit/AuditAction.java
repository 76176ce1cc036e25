package dev.sextant.security.audit;

/** What an audit entry records. Codes are stable: they are stored and filtered on. */
public enum AuditAction {
  SIGNED_IN,
  SIGN_IN_FAILED,
  SIGN_IN_THROTTLED,
  SIGNED_OUT,
  PASSWORD_CHANGED,
  CONSOLE_USER_CREATED,
  CONSOLE_USER_CHANGED,
  /** One user's action sequence was read (customer service). */
  USER_SEQUENCE_VIEWED,
  /** One user's profile was read. */
  USER_PROFILE_VIEWED,
  /** The members of a segment snapshot were listed or downloaded. */
  SEGMENT_MEMBERS_EXPORTED,
  /** The users of a funnel step were listed or downloaded. */
  FUNNEL_USERS_EXPORTED,
  API_KEY_CREATED,
  API_KEY_ROTATED,
  API_KEY_REVOKED,
  /** Quarantined records were replayed into the store (or tried, in a dry run). */
  QUARANTINE_REPLAYED
}
