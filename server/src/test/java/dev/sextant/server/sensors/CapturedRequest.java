package dev.sextant.server.sensors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request captured from a real SDK ({@code src/test/resources/sdk-captures}, see the README
 * there): request line, headers, blank line, body bytes exactly as the SDK sent them.
 */
record CapturedRequest(
    String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

  /** Headers the JDK client sets itself and refuses to take from us. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "content-length", "connection", "expect", "upgrade");

  static CapturedRequest load(String resource) {
    try (InputStream in = CapturedRequest.class.getResourceAsStream("/sdk-captures/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no capture " + resource);
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CapturedRequest parse(byte[] capture) {
    int end = indexOf(capture, "\n\n".getBytes(StandardCharsets.US_ASCII));
    String[] head = new String(capture, 0, end, StandardCharsets.UTF_8).split("\n");
    String[] requestLine = head[0].split(" ", 2);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : Arrays.copyOfRange(head, 1, head.length)) {
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).strip();
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        headers.put(name, line.substring(colon + 1).strip());
      }
    }
    byte[] body = Arrays.copyOfRange(capture, end + 2, capture.length);
    return new CapturedRequest(requestLine[0], requestLine[1], headers, body);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("a capture needs a blank line after its headers");
  }
}
