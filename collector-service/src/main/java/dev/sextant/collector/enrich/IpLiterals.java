package dev.sextant.collector.enrich;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals as proxies write them, read without any DNS lookup. */
final class IpLiterals {

  private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private IpLiterals() {}

  /**
   * The address of {@code 203.0.113.7}, {@code 2001:db8::1}, and the forms with a port that some
   * proxies put in {@code X-Forwarded-For}: {@code 203.0.113.7:4711}, {@code [2001:db8::1]:443}.
   */
  static Optional<InetAddress> parse(String text) {
    String literal = text.strip();
    if (literal.startsWith("[")) {
      int close = literal.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      literal = literal.substring(1, close);
    } else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':')) {
      literal = literal.substring(0, literal.indexOf(':'));
    }
    // InetAddress also reads the legacy short forms ("10.1" is 10.0.0.1): a proxy never writes
    // those, so they are taken for garbage.
    if (literal.indexOf(':') < 0 && !DOTTED_QUAD.matcher(literal).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.ofLiteral(literal));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
