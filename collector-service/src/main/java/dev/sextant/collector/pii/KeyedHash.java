package dev.sextant.collector.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a value under the project's secret key, as 64 lowercase hex digits. Keyed, because
 * a plain hash of a phone number is reversed by hashing all 10^11 of them; the same value under the
 * same project's key always gives the same text, so hashed values can still be joined and counted.
 */
public final class KeyedHash {

  private static final String ALGORITHM = "HmacSHA256";

  private static final java.util.regex.Pattern HASHED =
      java.util.regex.Pattern.compile("[0-9a-f]{64}");

  private final SecretKeySpec key;

  public KeyedHash(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** Whether a value is already what {@link #hash} makes: 64 lowercase hex digits. */
  public static boolean looksHashed(String value) {
    return value.length() == 64 && HASHED.matcher(value).matches();
  }

  public String hash(String value) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
    }
  }
}
