package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClickHouseSqlTest {

  static Stream<Arguments> literals() {
    return Stream.of(
        Arguments.of("", "''"),
        Arguments.of("P2P_Invest", "'P2P_Invest'"),
        Arguments.of("it's", "'it\\'s'"),
        Arguments.of("back\\slash", "'back\\\\slash'"),
        Arguments.of("\\'", "'\\\\\\''"),
        Arguments.of("' OR 1=1 --", "'\\' OR 1=1 --'"),
        Arguments.of("\"double\"", "'\"double\"'"),
        Arguments.of("`tick`", "'`tick`'"),
        Arguments.of("line\nbreak", "'line\\nbreak'"),
        Arguments.of("cr\rlf", "'cr\\rlf'"),
        Arguments.of("tab\t", "'tab\\t'"),
        Arguments.of("nul\0byte", "'nul\\0byte'"),
        Arguments.of("\u0001", "'\\x01'"),
        Arguments.of("\u0007\b\u000b\f", "'\\x07\\x08\\x0B\\x0C'"),
        Arguments.of("\u001b[0m", "'\\x1B[0m'"),
        Arguments.of("\u001f", "'\\x1F'"),
        Arguments.of("\u007f", "'\\x7F'"),
        Arguments.of("稳健理财", "'稳健理财'"),
        Arguments.of("🚀", "'🚀'"),
        Arguments.of("\u0080\u00a0\u2028é", "'\u0080\u00a0\u2028é'"),
        Arguments.of("{\"a\":\"b\\n\"}", "'{\"a\":\"b\\\\n\"}'"));
  }

  @ParameterizedTest
  @MethodSource("literals")
  void quotesStringLiterals(String value, String literal) {
    assertThat(ClickHouseSql.quote(value)).isEqualTo(literal);
  }

  /** Values the server must read back byte for byte (checked in {@code ClickHouseHttpClientIT}). */
  static Stream<String> roundTripValues() {
    String everyAsciiCharacter =
        IntStream.range(0, 128)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return Stream.concat(
        literals().map(arguments -> (String) arguments.get()[0]),
        Stream.of(everyAsciiCharacter, "混合 mixed \\x41 \\0 \\' text 🚀\u0000end"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDC00b", "end\uD83D", "\uDE80\uD83D"})
  void refusesUnpairedSurrogates(String value) {
    assertThatThrownBy(() -> ClickHouseSql.quote(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("surrogate");
  }

  static Stream<Arguments> identifiers() {
    return Stream.of(
        Arguments.of("events", "`events`"),
        Arguments.of("distinct_id", "`distinct_id`"),
        Arguments.of("_private", "`_private`"),
        Arguments.of("P2P_Invest", "`P2P_Invest`"),
        Arguments.of("x", "`x`"),
        Arguments.of("$os", "`$os`"),
        Arguments.of("$app_version", "`$app_version`"),
        Arguments.of("select", "`select`"));
  }

  @ParameterizedTest
  @MethodSource("identifiers")
  void quotesWhitelistedIdentifiers(String name, String identifier) {
    assertThat(ClickHouseSql.identifier(name)).isEqualTo(identifier);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "1abc",
        "a-b",
        "a b",
        "a.b",
        "`x`",
        "x`y",
        "$",
        "$$os",
        "os$",
        "$1",
        "中文",
        "a;DROP",
        "a'b",
        "tab\t",
        "new\nline",
        "é"
      })
  void refusesIdentifiersOutsideTheWhitelist(String name) {
    assertThatThrownBy(() -> ClickHouseSql.identifier(name))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
