package dev.sextant.security.users;

import java.util.Locale;

/**
 * What a new password must be. Length is what matters (NIST SP 800-63B): at least 12 characters, no
 * composition rules, not the username, and not one of the passwords everyone tries first.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;

  /** bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
  public static final int MAX_BYTES = 72;

  private static final java.util.Set<String> COMMON =
      java.util.Set.of(
          "123456789012",
          "password1234",
          "passwordpassword",
          "qwertyuiopas",
          "administrator",
          "admin1234567",
          "111111111111",
          "000000000000",
          "iloveyou1234",
          "sextant12345");

  private PasswordPolicy() {}

  /**
   * @throws InvalidAccountException naming {@code password} when it falls short
   */
  public static void check(String username, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new InvalidAccountException(
          "password", "a password has at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidAccountException(
          "password", "a password has at most " + MAX_BYTES + " bytes in UTF-8");
    }
    String folded = password.toLowerCase(Locale.ROOT);
    if (username != null && folded.contains(username.toLowerCase(Locale.ROOT))) {
      throw new InvalidAccountException("password", "a password must not contain the username");
    }
    if (COMMON.contains(folded) || folded.chars().distinct().count() < 4) {
      throw new InvalidAccountException("password", "this password is too easy to guess");
    }
  }
}
