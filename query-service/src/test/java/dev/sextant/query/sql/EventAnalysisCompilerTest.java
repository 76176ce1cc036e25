package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventAnalysisResult;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The event-analysis compiler's SQL (golden files) and its assembly of rows. */
class EventAnalysisCompilerTest {

  static final PropertyCatalog CATALOG =
      PropertyCatalog.ofColumns(
          Map.of(
              "$os", ColumnType.STRING,
              "amount", ColumnType.NUMBER,
              "vip", ColumnType.BOOL,
              "tags", ColumnType.LIST));

  static final TimeRange WEEK = TimeRange.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8));

  static Stream<SqlDialect> dialects() {
    return Stream.of(new ClickHouseDialect(), new DuckDbDialect());
  }

  static EventAnalysis investmentsByOs() {
    return new EventAnalysis(
        List.of(
            new Metric(EventCriteria.named("P2P_Invest"), new Measure.EventCount()),
            new Metric(
                EventCriteria.named("P2P_Invest")
                    .where(Filter.where("amount", Operator.GE, Literal.of(1000))),
                new Measure.Sum("amount")),
            new Metric(EventCriteria.anyEvent(), new Measure.UserCount())),
        Filter.any(
            Filter.where("vip", Operator.EQ, Literal.of(true)),
            Filter.where("tags", Operator.CONTAINS, Literal.of("p2p"))),
        List.of("$os"),
        WEEK,
        Granularity.DAY,
        false);
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void compilesOneGroupedQueryPerRange(SqlDialect dialect) {
    CompiledAnalysis<EventAnalysisResult> compiled =
        new EventAnalysisCompiler(new EventSource(dialect, "demo", CATALOG))
            .compile(investmentsByOs());

    assertThat(compiled.statements()).hasSize(1);
    GoldenSql.assertMatches("event-analysis-investments-by-os", dialect, compiled.statements());
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void assemblesZeroFilledSeriesPerGroupInGroupOrder(SqlDialect dialect) {
    CompiledAnalysis<EventAnalysisResult> compiled =
        new EventAnalysisCompiler(new EventSource(dialect, "demo", CATALOG))
            .compile(investmentsByOs());
    long march3 = LocalDate.of(2026, 3, 3).toEpochDay();
    QueryRows rows =
        new QueryRows(
            List.of("bucket", "g0", "m0_events", "m1_events", "m1_sum", "m2_events", "m2_users"),
            List.of(
                Arrays.asList(
                    march3, "iOS", 3L, 1L, new java.math.BigDecimal("1500.00000000"), 5L, 2L),
                Arrays.asList(march3, null, 0L, 0L, null, 1L, 1L)));

    EventAnalysisResult result = compiled.assemble(List.of(rows));

    assertThat(result.current())
        .extracting(s -> s.metric() + " " + s.group())
        .containsExactly(
            "0 GroupKey[values=[iOS]]",
            "1 GroupKey[values=[iOS]]",
            "2 GroupKey[values=[iOS]]",
            "2 GroupKey[values=[null]]");
    var invested = result.series(1, GroupKey.of("iOS")).points();
    assertThat(invested).hasSize(7);
    assertThat(invested.get(1).value()).isEqualByComparingTo("1500");
    assertThat(invested.get(0).value()).isEqualByComparingTo("0");
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void refusesWhatThePropertyTypesDoNotAllow(SqlDialect dialect) {
    EventAnalysisCompiler compiler =
        new EventAnalysisCompiler(new EventSource(dialect, "demo", CATALOG));
    assertThatThrownBy(() ->
            compiler.compile(
                EventAnalysis.of(
                    new Metric(EventCriteria.anyEvent(), new Measure.Sum("$os")),
                    WEEK,
                    Granularity.DAY)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("not a NUMBER");
    assertThatThrownBy(() ->
            compiler.compile(
                new EventAnalysis(
                    List.of(Metric.activeUsers()),
                    Filter.none(),
                    List.of("tags"),
                    WEEK,
                    Granularity.DAY,
                    false)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("cannot group by 'tags'");
    assertThatThrownBy(() ->
            compiler.compile(
                new EventAnalysis(
                    List.of(Metric.activeUsers()),
                    Filter.where("amount", Operator.EQ, Literal.of("ten")),
                    List.of(),
                    WEEK,
                    Granularity.DAY,
                    false)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("'amount' is a NUMBER property; eq with a string");
    assertThatThrownBy(() ->
            compiler.compile(
                new EventAnalysis(
                    List.of(Metric.activeUsers()),
                    Filter.where("nope", Operator.IS_SET),
                    List.of(),
                    WEEK,
                    Granularity.DAY,
                    false)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("unknown property 'nope'");
  }
}
