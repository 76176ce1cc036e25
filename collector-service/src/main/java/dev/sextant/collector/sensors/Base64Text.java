package dev.sextant.collector.sensors;

import dev.sextant.collector.ingest.MalformedBodyException;
import java.util.Base64;

/**
 * Decodes the base64 the SDKs send, in every variant met in practice: the standard alphabet with
 * padding (JavaScript's {@code btoa}, the Java SDK's {@code Base64Coder}, Node's {@code Buffer}),
 * without padding, the URL-safe alphabet, MIME line breaks, and a {@code +} that a proxy or a
 * careless client turned into a space (form decoding reads an unescaped {@code +} as a space).
 */
final class Base64Text {

  private Base64Text() {}

  /**
   * The text as the SDKs hashed it for the crc: the value with spaces restored to {@code +} and
   * line breaks removed.
   */
  static String normalise(String text) {
    if (isNormal(text)) {
      // The usual case: a well-formed value needs no copy.
      return text;
    }
    StringBuilder normalised = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case ' ' -> normalised.append('+');
        case '\r', '\n', '\t' -> {}
        default -> normalised.append(c);
      }
    }
    return normalised.toString();
  }

  private static boolean isNormal(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case ' ', '\r', '\n', '\t' -> {
          return false;
        }
        default -> {}
      }
    }
    return true;
  }

  /**
   * The bytes of a normalised base64 text.
   *
   * @throws MalformedBodyException when it is not base64 in any variant
   */
  static byte[] decode(String normalised) {
    if (normalised.isEmpty()) {
      throw new MalformedBodyException("the payload is empty");
    }
    boolean urlSafe = normalised.indexOf('-') >= 0 || normalised.indexOf('_') >= 0;
    try {
      return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(normalised);
    } catch (IllegalArgumentException e) {
      throw new MalformedBodyException("the payload is not valid base64: " + e.getMessage());
    }
  }
}
