package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SQL a representative funnel compiles to, pinned per dialect (the semantics are checked by the
 * conformance suite on real engines).
 */
class FunnelCompilerTest {

  static final PropertyCatalog CATALOG =
      PropertyCatalog.ofColumns(
          Map.of(
              "$os", ColumnType.STRING,
              "amount", ColumnType.NUMBER,
              "tags", ColumnType.LIST));

  /** View, then Register on iOS, then Invest of at least 100, within an hour; by amount. */
  static final FunnelAnalysis FUNNEL =
      new FunnelAnalysis(
          List.of(
              EventCriteria.named("View"),
              EventCriteria.named("Register")
                  .where(Filter.where("$os", Operator.EQ, Literal.of("iOS"))),
              EventCriteria.named("Invest")
                  .where(Filter.where("amount", Operator.GE, Literal.of(new BigDecimal("100"))))),
          Duration.ofHours(1),
          new TimeRange(
              LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9), ZoneId.of("Asia/Shanghai")),
          "amount");

  @Test
  void clickHouseSqlIsTheReviewedOne() {
    GoldenSql.assertMatches("funnel-clickhouse", sql(new ClickHouseDialect(), FUNNEL));
  }

  @Test
  void duckDbSqlIsTheReviewedOne() {
    GoldenSql.assertMatches("funnel-duckdb", sql(new DuckDbDialect(), FUNNEL));
  }

  @Test
  void laterStepsAreReadUpToTheWindowAfterTheRangeAndStepOneOnlyInTheRange() {
    String sql = sql(new DuckDbDialect(), FUNNEL);
    long start = FUNNEL.range().start().toEpochMilli();
    long end = FUNNEL.range().end().toEpochMilli();
    assertThat(sql)
        .contains("time_ms >= " + start)
        .contains("time_ms < " + (end + 3_600_000L))
        .contains("time_ms < " + end + ")")
        .contains("c[1] + 3600000");
  }

  @Test
  void aPropertyWithoutAColumnGroupsEveryUserAsNotSet() {
    FunnelAnalysis byPlanned =
        new FunnelAnalysis(FUNNEL.steps(), FUNNEL.window(), FUNNEL.range(), "$browser");
    PropertyCatalog planned =
        new PropertyCatalog(
            "demo",
            (project, property) ->
                property.equals("$browser") ? Optional.of(ColumnType.STRING) : Optional.empty(),
            Map.of("$os", ColumnType.STRING, "amount", ColumnType.NUMBER));
    String sql =
        new FunnelCompiler(new EventSource(new ClickHouseDialect(), "demo", planned))
            .compile(byPlanned)
            .statements()
            .getFirst();
    assertThat(sql)
        .contains("NULL AS step1_groups")
        .contains("NULL AS g")
        .doesNotContain("$browser");
  }

  @Test
  void aListPropertyCannotGroupAFunnel() {
    FunnelAnalysis byTags =
        new FunnelAnalysis(FUNNEL.steps(), FUNNEL.window(), FUNNEL.range(), "tags");
    assertThatThrownBy(() -> sql(new DuckDbDialect(), byTags))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("tags");
  }

  @Test
  void withoutAnyUserAnUngroupedFunnelIsZeroFilled() {
    FunnelAnalysis ungrouped =
        new FunnelAnalysis(FUNNEL.steps(), FUNNEL.window(), FUNNEL.range(), null);
    // DuckDB's count_if over no rows is NULL, its list index of nothing too.
    List<Object> row = Arrays.asList(null, null, null, null, null, null);
    QueryRows rows =
        new QueryRows(
            List.of("g", "users1", "users2", "median2", "users3", "median3"), List.of(row));
    FunnelResult result =
        new FunnelCompiler(new EventSource(new DuckDbDialect(), "demo", CATALOG))
            .compile(ungrouped)
            .assemble(List.of(rows));
    assertThat(result)
        .isEqualTo(
            new FunnelResult(
                List.of(
                    new FunnelResult.Group(
                        GroupKey.NONE, List.of(0L, 0L, 0L), Arrays.asList(null, null)))));
  }

  static String sql(SqlDialect dialect, FunnelAnalysis funnel) {
    return new FunnelCompiler(new EventSource(dialect, "demo", CATALOG))
        .compile(funnel)
        .statements()
        .getFirst();
  }
}
