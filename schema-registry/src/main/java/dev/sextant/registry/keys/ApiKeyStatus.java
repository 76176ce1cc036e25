package dev.sextant.registry.keys;

/** Where an API key is in its life. */
public enum ApiKeyStatus {
  /** Works, with no end set. */
  ACTIVE,
  /** Replaced by a rotation: works until its {@code expires_at}, so senders can switch over. */
  EXPIRING,
  /** Its rotation's grace period is over. */
  EXPIRED,
  /** Revoked: refused at once. */
  REVOKED
}
