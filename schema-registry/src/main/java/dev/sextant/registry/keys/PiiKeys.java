package dev.sextant.registry.keys;

/**
 * The secret of each project's keyed hash of PII values (HMAC-SHA256): made on first need, the same
 * in every process that asks, and never changed, so that hashed values stay comparable.
 */
public interface PiiKeys {

  /** The project's hash key, 32 bytes. */
  byte[] hashKeyOf(String project);
}
