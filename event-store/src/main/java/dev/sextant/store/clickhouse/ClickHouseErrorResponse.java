package dev.sextant.store.clickhouse;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a ClickHouse error response says: the numeric error code and the message, without the
 * wrapping each version adds. 18.16 writes {@code Code: 60, e.displayText() = DB::Exception: ...,
 * e.what() = DB::Exception}; current versions write {@code Code: 60. DB::Exception: ...
 * (UNKNOWN_TABLE) (version 24.8.4.13 (official build))} and also send the code in the {@code
 * X-ClickHouse-Exception-Code} header.
 *
 * @param code the error code, or {@link ClickHouseException#UNKNOWN_CODE} if the body has none
 *     (e.g. a proxy's error page)
 * @param message the server's message, empty if the body was empty
 */
record ClickHouseErrorResponse(int code, String message) {

  private static final Pattern CODE = Pattern.compile("Code: ?(\\d+)");

  /** {@code DB::Exception: }, {@code DB::NetException: }, ... */
  private static final Pattern EXCEPTION_PREFIX = Pattern.compile("DB::\\w*Exception: ");

  private static final Pattern WHAT_SUFFIX = Pattern.compile(",\\s*e\\.what\\(\\) = [\\w:]+\\s*$");

  /** {@code (version 24.8.4.13 (official build))}: one level of nested parentheses. */
  private static final Pattern VERSION_SUFFIX =
      Pattern.compile("\\s*\\(version [^()]*(?:\\([^()]*\\)[^()]*)?\\)\\s*$");

  /**
   * Parses an error response.
   *
   * @param body the response body, possibly empty
   * @param codeHeader the {@code X-ClickHouse-Exception-Code} header, null when absent (18.16)
   */
  static ClickHouseErrorResponse parse(String body, String codeHeader) {
    String text = body == null ? "" : body.strip();
    int code = headerCode(codeHeader).orElseGet(() -> bodyCode(text));
    return new ClickHouseErrorResponse(code, message(text));
  }

  private static OptionalInt headerCode(String header) {
    if (header == null || !header.strip().matches("\\d+")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(header.strip()));
  }

  private static int bodyCode(String text) {
    Matcher matcher = CODE.matcher(text);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : ClickHouseException.UNKNOWN_CODE;
  }

  private static String message(String text) {
    Matcher prefix = EXCEPTION_PREFIX.matcher(text);
    String message = prefix.find() ? text.substring(prefix.end()) : text;
    message = WHAT_SUFFIX.matcher(message).replaceFirst("");
    message = VERSION_SUFFIX.matcher(message).replaceFirst("");
    return message.strip();
  }
}
