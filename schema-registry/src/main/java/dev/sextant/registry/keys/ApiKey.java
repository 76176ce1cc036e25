package dev.sextant.registry.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * What is kept of a project API key: never the key itself, only its hash (in storage) and a hint
 * that lets people tell keys apart.
 *
 * @param id the key's stable id, used in the API to rotate or revoke it
 * @param project the project the key may send to, and no other
 * @param kind public (front ends) or secret (back ends)
 * @param name what the key is for, chosen by its creator, e.g. {@code android-app}
 * @param hint the key's first characters, e.g. {@code sx_sec_Q3mZ}, enough to recognise it
 * @param createdAt when it was issued
 * @param createdBy who issued it
 * @param expiresAt when it stops working: set when it was rotated with a grace period; null for
 *     never
 * @param revokedAt when it was revoked; null while it is not
 */
public record ApiKey(
    String id,
    String project,
    ApiKeyKind kind,
    String name,
    String hint,
    Instant createdAt,
    String createdBy,
    Instant expiresAt,
    Instant revokedAt) {

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether a request presenting this key at {@code now} is let in. */
  public boolean isActiveAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  /** Where the key is in its life at {@code now}. */
  public ApiKeyStatus statusAt(Instant now) {
    if (revokedAt != null) {
      return ApiKeyStatus.REVOKED;
    }
    if (expiresAt == null) {
      return ApiKeyStatus.ACTIVE;
    }
    return now.isBefore(expiresAt) ? ApiKeyStatus.EXPIRING : ApiKeyStatus.EXPIRED;
  }

  ApiKey expiringAt(Instant at) {
    Instant earlier = expiresAt == null || at.isBefore(expiresAt) ? at : expiresAt;
    return new ApiKey(id, project, kind, name, hint, createdAt, createdBy, earlier, revokedAt);
  }

  ApiKey revokedAt(Instant at) {
    return new ApiKey(id, project, kind, name, hint, createdAt, createdBy, expiresAt, at);
  }
}
