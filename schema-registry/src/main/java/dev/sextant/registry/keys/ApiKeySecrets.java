package dev.sextant.registry.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Makes key texts and the hashes they are stored and looked up by.
 *
 * <p>A key is its kind's prefix and 32 random bytes in URL-safe base64 (256 bits). It is stored as
 * its SHA-256, not with a slow password hash such as bcrypt: a slow hash protects low-entropy
 * secrets people choose, while nobody can guess a 256-bit random value, and the collector checks a
 * key on every request. SHA-256 lets it look the key up by its hash in one indexed read.
 */
public final class ApiKeySecrets {

  /** Characters of the key's text, after its prefix, shown as its hint. */
  static final int HINT_LENGTH = 4;

  private static final int RANDOM_BYTES = 32;
  private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

  private final RandomGenerator random;

  /**
   * @param random where the keys' bytes come from: a {@link java.security.SecureRandom} outside
   *     tests
   */
  public ApiKeySecrets(RandomGenerator random) {
    this.random = random;
  }

  /** A new key's text. */
  public String newKey(ApiKeyKind kind) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return kind.prefix() + TEXT.encodeToString(bytes);
  }

  /** What a key is stored and found by: hex SHA-256 of its UTF-8 text. */
  public static String hashOf(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The key's prefix and first characters, safe to show and to log. */
  public static String hintOf(String key) {
    return kindOf(key)
        .map(kind -> key.substring(0, Math.min(key.length(), kind.prefix().length() + HINT_LENGTH)))
        .orElse("");
  }

  /** The kind a text claims to be by its prefix; empty when it looks like no key of ours. */
  public static Optional<ApiKeyKind> kindOf(String key) {
    for (ApiKeyKind kind : ApiKeyKind.values()) {
      if (key.startsWith(kind.prefix())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
