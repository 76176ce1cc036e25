package dev.sextant.registry.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Issues, rotates and revokes the API keys of projects, and tells the collector what a presented
 * key is. Keys are kept only as hashes ({@link ApiKeySecrets}); a new key's text is returned once.
 *
 * <p>Rotation issues a successor of the same kind and name and lets the old key work for a grace
 * period, so that apps and back ends can switch over without losing a request; revocation ends a
 * key at once (a leaked key).
 */
public final class ProjectKeys {

  /** The longest a rotated key may go on working. */
  public static final Duration MAX_GRACE = Duration.ofDays(30);

  private static final int MAX_NAME_LENGTH = 100;

  private final ApiKeyStorage storage;
  private final ApiKeySecrets secrets;
  private final RandomGenerator ids;
  private final Clock clock;

  public ProjectKeys(ApiKeyStorage storage, RandomGenerator random, Clock clock) {
    this.storage = storage;
    this.secrets = new ApiKeySecrets(random);
    this.ids = random;
    this.clock = clock;
  }

  /** Issues a key; its text is in the answer and nowhere else. */
  public IssuedKey create(String project, ApiKeyKind kind, String name, String author) {
    return issue(project, kind, checkedName(name), author);
  }

  /**
   * Issues a successor to a key and lets the old one work for {@code grace} more (zero ends it at
   * once).
   *
   * @throws ApiKeyNotFoundException when the project has no such key
   * @throws ApiKeyRevokedException when the key no longer works
   */
  public IssuedKey rotate(String project, String id, Duration grace, String author) {
    if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
      throw new IllegalArgumentException(
          "grace_seconds must be between 0 and " + MAX_GRACE.toSeconds());
    }
    ApiKey old = existing(project, id);
    Instant now = clock.instant();
    if (!old.isActiveAt(now)) {
      throw new ApiKeyRevokedException(old, old.statusAt(now));
    }
    IssuedKey successor = issue(project, old.kind(), old.name(), author);
    storage.update(old.expiringAt(now.plus(grace)));
    return successor;
  }

  /**
   * Ends a key at once. Revoking a revoked key changes nothing.
   *
   * @throws ApiKeyNotFoundException when the project has no such key
   */
  public ApiKey revoke(String project, String id) {
    ApiKey key = existing(project, id);
    if (key.revokedAt() != null) {
      return key;
    }
    ApiKey revoked = key.revokedAt(clock.instant());
    storage.update(revoked);
    return revoked;
  }

  public List<ApiKey> list(String project) {
    return storage.list(project);
  }

  /** The key a sender presented, if it is one of ours, in whatever state it is. */
  public Optional<ApiKey> identify(String presented) {
    if (ApiKeySecrets.kindOf(presented).isEmpty()) {
      return Optional.empty();
    }
    return identifyByHash(ApiKeySecrets.hashOf(presented));
  }

  /** The key whose text has this {@link ApiKeySecrets#hashOf hash}, in whatever state it is. */
  public Optional<ApiKey> identifyByHash(String hash) {
    return storage.findByHash(hash);
  }

  private ApiKey existing(String project, String id) {
    return storage.find(project, id).orElseThrow(() -> new ApiKeyNotFoundException(project, id));
  }

  private IssuedKey issue(String project, ApiKeyKind kind, String name, String author) {
    String text = secrets.newKey(kind);
    ApiKey key =
        new ApiKey(
            newId(),
            project,
            kind,
            name,
            ApiKeySecrets.hintOf(text),
            clock.instant(),
            author,
            null,
            null);
    storage.insert(key, ApiKeySecrets.hashOf(text));
    return new IssuedKey(key, text);
  }

  private String newId() {
    byte[] bytes = new byte[8];
    ids.nextBytes(bytes);
    return "key_" + HexFormat.of().formatHex(bytes);
  }

  private static String checkedName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required: say what the key is for");
    }
    String trimmed = name.strip();
    if (trimmed.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    return trimmed;
  }
}
