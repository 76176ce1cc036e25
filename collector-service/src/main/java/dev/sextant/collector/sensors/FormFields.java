package dev.sextant.collector.sensors;

import dev.sextant.collector.ingest.MalformedBodyException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an {@code application/x-www-form-urlencoded} text: a query string or a form body.
 * Decoded here rather than by the servlet container because the container would buffer the whole
 * body without our limits, and because SDKs also post forms as {@code text/plain} (sendBeacon). The
 * first value of a repeated name wins. Values must be UTF-8 once percent-decoded.
 */
public final class FormFields {

  private final Map<String, String> values;

  private FormFields(Map<String, String> values) {
    this.values = values;
  }

  public static FormFields none() {
    return new FormFields(Map.of());
  }

  /**
   * The fields of {@code text}.
   *
   * @throws MalformedBodyException on a bad percent escape or bytes that are not UTF-8
   */
  public static FormFields parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return new FormFields(values);
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      values.putIfAbsent(name, value);
    }
    return new FormFields(values);
  }

  /** These fields, with {@code other}'s added where a name is absent here. */
  public FormFields orElse(FormFields other) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    other.values.forEach(merged::putIfAbsent);
    return new FormFields(merged);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  private static String decode(String encoded) {
    if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
      return encoded;
    }
    // Escapes and ASCII take at most one byte per char; only other text can outgrow this.
    byte[] bytes = new byte[encoded.length()];
    int length = 0;
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '+') {
        bytes[length++] = ' ';
      } else if (c == '%') {
        bytes[length++] = percentEscape(encoded, i);
        i += 2;
      } else if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else {
        int codePoint = encoded.codePointAt(i);
        byte[] utf8 = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
        int left = encoded.length() - i - Character.charCount(codePoint);
        if (length + utf8.length + left > bytes.length) {
          bytes = Arrays.copyOf(bytes, length + utf8.length + left);
        }
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        i += Character.charCount(codePoint) - 1;
      }
    }
    return strictUtf8(bytes, length);
  }

  private static byte percentEscape(String encoded, int at) {
    if (at + 2 >= encoded.length()) {
      throw new MalformedBodyException("the form has a truncated percent escape");
    }
    int high = Character.digit(encoded.charAt(at + 1), 16);
    int low = Character.digit(encoded.charAt(at + 2), 16);
    if (high < 0 || low < 0) {
      throw new MalformedBodyException("the form has a bad percent escape");
    }
    return (byte) (high << 4 | low);
  }

  private static String strictUtf8(byte[] bytes, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedBodyException("the form holds bytes that are not UTF-8");
    }
  }
}
