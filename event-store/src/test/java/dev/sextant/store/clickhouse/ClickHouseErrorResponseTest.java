package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClickHouseErrorResponseTest {

  static Stream<Arguments> responses() {
    return Stream.of(
        // 18.16, as measured on the Debian package.
        Arguments.of(
            "Code: 62, e.displayText() = DB::Exception: Syntax error: failed at position 1: SELEC"
                + " 1. Expected one of: SELECT, e.what() = DB::Exception\n",
            null,
            62,
            "Syntax error: failed at position 1: SELEC 1. Expected one of: SELECT"),
        Arguments.of(
            "Code: 60, e.displayText() = DB::Exception: Table default.nope doesn't exist., e.what()"
                + " = DB::Exception\n",
            null,
            60,
            "Table default.nope doesn't exist."),
        Arguments.of(
            "Code: 193, e.displayText() = DB::Exception: Wrong password for user default, e.what()"
                + " = DB::Exception\n",
            null,
            193,
            "Wrong password for user default"),
        Arguments.of(
            "Code: 209, e.displayText() = DB::NetException: Timeout exceeded while reading from"
                + " socket ([::1]:9000), e.what() = DB::NetException",
            null,
            209,
            "Timeout exceeded while reading from socket ([::1]:9000)"),
        // 19.x and 20.x: displayText with a version suffix.
        Arguments.of(
            "Code: 394, e.displayText() = DB::Exception: Query was cancelled (version 19.17.4.11"
                + " (official build))\n",
            null,
            394,
            "Query was cancelled"),
        // Current servers: the code also in a header.
        Arguments.of(
            "Code: 60. DB::Exception: Table default.nope does not exist. (UNKNOWN_TABLE) (version"
                + " 24.8.4.13 (official build))\n",
            "60",
            60,
            "Table default.nope does not exist. (UNKNOWN_TABLE)"),
        Arguments.of(
            "Code: 47. DB::Exception: Missing columns: 'x' while processing query: 'SELECT x',"
                + " required columns: 'x'. (UNKNOWN_IDENTIFIER) (version 23.8.1.1)",
            null,
            47,
            "Missing columns: 'x' while processing query: 'SELECT x', required columns: 'x'."
                + " (UNKNOWN_IDENTIFIER)"),
        Arguments.of(
            "Code: 516. DB::Exception: default: Authentication failed: password is incorrect, or"
                + " there is no user with such name. (AUTHENTICATION_FAILED) (version 25.3.2.39"
                + " (official build))\n",
            "516",
            516,
            "default: Authentication failed: password is incorrect, or there is no user with such"
                + " name. (AUTHENTICATION_FAILED)"),
        // The header wins over the body, and an unreadable header falls back to the body.
        Arguments.of("Code: 1. DB::Exception: odd", "159", 159, "odd"),
        Arguments.of("Code: 62. DB::Exception: Syntax error", "n/a", 62, "Syntax error"),
        Arguments.of("", "159", 159, ""),
        // Not from ClickHouse at all.
        Arguments.of(
            "<html><body>502 Bad Gateway</body></html>",
            null,
            ClickHouseException.UNKNOWN_CODE,
            "<html><body>502 Bad Gateway</body></html>"),
        Arguments.of("", null, ClickHouseException.UNKNOWN_CODE, ""),
        Arguments.of(null, null, ClickHouseException.UNKNOWN_CODE, ""),
        Arguments.of("   \n", null, ClickHouseException.UNKNOWN_CODE, ""));
  }

  @ParameterizedTest
  @MethodSource("responses")
  void readsCodeAndMessage(String body, String header, int code, String message) {
    ClickHouseErrorResponse error = ClickHouseErrorResponse.parse(body, header);

    assertThat(error.code()).isEqualTo(code);
    assertThat(error.message()).isEqualTo(message);
  }

  @ParameterizedTest
  @MethodSource("responses")
  void exceptionsNameQueryStatusAndCode(String body, String header, int code, String message) {
    ClickHouseException exception = ClickHouseException.fromResponse(404, body, header, "q-1");

    assertThat(exception.code()).isEqualTo(code);
    assertThat(exception.serverMessage()).isEqualTo(message);
    assertThat(exception.httpStatus()).isEqualTo(404);
    assertThat(exception.queryId()).isEqualTo("q-1");
    assertThat(exception.getMessage())
        .startsWith("ClickHouse refused query q-1 (HTTP 404, code " + code + "): ")
        .endsWith(message.isEmpty() ? "(empty response)" : message);
  }
}
