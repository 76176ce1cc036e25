package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.InvalidQueryException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one place literals and identifiers are escaped, per dialect. */
class SqlDialectTest {

  private final ClickHouseDialect clickHouse = new ClickHouseDialect();
  private final DuckDbDialect duckDb = new DuckDbDialect();

  @Test
  void clickHouseStringsEscapeQuotesBackslashesAndControlCharacters() {
    assertThat(clickHouse.string("it's")).isEqualTo("'it\\'s'");
    assertThat(clickHouse.string("a\\b")).isEqualTo("'a\\\\b'");
    assertThat(clickHouse.string("\\'")).isEqualTo("'\\\\\\''");
    assertThat(clickHouse.string("line\nnext\ttab\r")).isEqualTo("'line\\nnext\\ttab\\r'");
    assertThat(clickHouse.string("\u0001")).isEqualTo("'\\x01'");
    assertThat(clickHouse.string("红包😀")).isEqualTo("'红包😀'");
  }

  @Test
  void duckDbStringsDoubleQuotesAndKeepBackslashesLiteral() {
    assertThat(duckDb.string("it's")).isEqualTo("'it''s'");
    assertThat(duckDb.string("a\\b")).isEqualTo("'a\\b'");
    assertThat(duckDb.string("'; DROP TABLE t; --")).isEqualTo("'''; DROP TABLE t; --'");
  }

  @Test
  void bothRefuseNulCharacters() {
    assertThatThrownBy(() -> clickHouse.string("a\0")).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> duckDb.string("a\0")).isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void identifiersAreQuotedInTheirDialectsStyle() {
    assertThat(clickHouse.identifier("$os")).isEqualTo("`$os`");
    assertThat(clickHouse.identifier("a`b")).isEqualTo("`a\\`b`");
    assertThat(duckDb.identifier("$os")).isEqualTo("\"$os\"");
    assertThat(duckDb.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
  }

  @Test
  void numbersAreExactDecimalsOfTheColumnsScale() {
    assertThat(clickHouse.number(new BigDecimal("10.50"))).isEqualTo("toDecimal128('10.5', 8)");
    assertThat(duckDb.number(new BigDecimal("1E+3"))).isEqualTo("CAST('1000' AS DECIMAL(38, 8))");
    assertThatThrownBy(() -> duckDb.number(new BigDecimal("0.123456789")))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("8 decimals");
    assertThatThrownBy(() -> clickHouse.number(new BigDecimal("1E+30")))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("30 digits");
  }
}
