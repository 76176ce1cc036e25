package dev.sextant.store.clickhouse;

import java.util.regex.Pattern;

/**
 * The two ways values reach ClickHouse SQL text. ClickHouse 18.16 has no query parameters, so every
 * literal is escaped here and every identifier is checked against a whitelist here; nothing else
 * may splice text into SQL.
 */
public final class ClickHouseSql {

  /**
   * Column, table and database names, and tracking-plan property names, which may start with {@code
   * $} (Sensors' preset properties such as {@code $os}).
   */
  private static final Pattern IDENTIFIER = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ClickHouseSql() {}

  /**
   * A string literal, quoted, that ClickHouse reads back as exactly {@code value}.
   *
   * <p>Backslash and quote are escaped, control characters (including NUL and DEL) are written as
   * escapes so that the statement stays on one printable line, and everything else, non-ASCII
   * included, is kept as is: requests are sent as UTF-8.
   *
   * @throws IllegalArgumentException if {@code value} has an unpaired surrogate, which has no UTF-8
   *     form and so could not round-trip
   */
  public static String quote(String value) {
    StringBuilder literal = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> literal.append("\\\\");
        case '\'' -> literal.append("\\'");
        case '\0' -> literal.append("\\0");
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            literal.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else if (Character.isSurrogate(c)) {
            requireSurrogatePair(value, i);
            literal.append(c).append(value.charAt(++i));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append('\'').toString();
  }

  /**
   * An identifier, quoted with backticks, after checking it against the whitelist {@code
   * $?[A-Za-z_][A-Za-z0-9_]*}. Backticks make names such as {@code $os} and keywords safe.
   *
   * @throws IllegalArgumentException if {@code name} is not on the whitelist
   */
  public static String identifier(String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "not a valid identifier (letters, digits, underscores, an optional leading $): " + name);
    }
    return '`' + name + '`';
  }

  private static void requireSurrogatePair(String value, int index) {
    boolean paired =
        Character.isHighSurrogate(value.charAt(index))
            && index + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(index + 1));
    if (!paired) {
      throw new IllegalArgumentException("unpaired surrogate at index " + index);
    }
  }
}
