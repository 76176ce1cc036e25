package dev.sextant.registry.keys;

/** A revoked or expired key cannot be rotated: issue a new one instead. */
public final class ApiKeyRevokedException extends RuntimeException {

  public ApiKeyRevokedException(ApiKey key, ApiKeyStatus status) {
    super(
        "API key '"
            + key.id()
            + "' is "
            + status.name().toLowerCase(java.util.Locale.ROOT)
            + " and cannot be rotated; create a new key instead");
  }
}
