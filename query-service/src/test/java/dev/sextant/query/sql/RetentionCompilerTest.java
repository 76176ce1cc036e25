package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.RetentionAnalysis.CohortKind;
import dev.sextant.query.model.RetentionAnalysis.RetentionUnit;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.ColumnType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQL representative retention requests compile to, pinned per dialect (the semantics are
 * checked by the conformance suite on real engines).
 */
class RetentionCompilerTest {

  static final PropertyCatalog CATALOG =
      PropertyCatalog.ofColumns(Map.of("$os", ColumnType.STRING, "amount", ColumnType.NUMBER));

  static final TimeRange RANGE =
      new TimeRange(
          LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 10), ZoneId.of("America/New_York"));

  /** Weekly recurring retention of viewers on iOS who invest, 2 weeks, by the viewing os. */
  static final RetentionAnalysis RECURRING =
      new RetentionAnalysis(
          EventCriteria.named("View").where(Filter.where("$os", Operator.EQ, Literal.of("iOS"))),
          EventCriteria.named("Invest"),
          RetentionUnit.WEEK,
          2,
          CohortKind.RECURRING,
          RANGE,
          "$os");

  /** Monthly first-time retention of registered users, by any event, grouped by amount. */
  static final RetentionAnalysis FIRST_TIME =
      new RetentionAnalysis(
          EventCriteria.named("Register"),
          EventCriteria.anyEvent(),
          RetentionUnit.MONTH,
          1,
          CohortKind.FIRST_TIME,
          RANGE,
          "amount");

  @Test
  void recurringClickHouseSqlIsTheReviewedOne() {
    GoldenSql.assertMatches(
        "retention-recurring-clickhouse", sql(new ClickHouseDialect(), RECURRING));
  }

  @Test
  void recurringDuckDbSqlIsTheReviewedOne() {
    GoldenSql.assertMatches("retention-recurring-duckdb", sql(new DuckDbDialect(), RECURRING));
  }

  @Test
  void firstTimeClickHouseSqlIsTheReviewedOne() {
    GoldenSql.assertMatches(
        "retention-first-time-clickhouse", sql(new ClickHouseDialect(), FIRST_TIME));
  }

  @Test
  void firstTimeDuckDbSqlIsTheReviewedOne() {
    GoldenSql.assertMatches("retention-first-time-duckdb", sql(new DuckDbDialect(), FIRST_TIME));
  }

  @Test
  void returnEventsAreReadFromTheFirstCohortsPeriodToTheEndOfTheLastOffset() {
    // Weeks of 2026-03-02 and 2026-03-09; the last offset (2) of the second ends 2026-03-30.
    long firstWeek = LocalDate.of(2026, 3, 2).atStartOfDay(RANGE.zone()).toInstant().toEpochMilli();
    long scanEnd = LocalDate.of(2026, 3, 30).atStartOfDay(RANGE.zone()).toInstant().toEpochMilli();
    assertThat(sql(new DuckDbDialect(), RECURRING))
        .contains("time_ms >= " + firstWeek)
        .contains("time_ms < " + scanEnd);
  }

  @Test
  void firstTimeCohortsReadInitialEventsFromTheStoresBeginning() {
    String sql = sql(new DuckDbDialect(), FIRST_TIME);
    String relation = sql.substring(sql.indexOf("FROM (SELECT event"));
    assertThat(relation.substring(0, relation.indexOf(") AS e"))).doesNotContain("time_ms >=");
  }

  @Test
  void periodsAreEveryPeriodThatOverlapsTheRange() {
    assertThat(RetentionCompiler.periodsOf(RANGE, RetentionUnit.WEEK))
        .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));
    assertThat(RetentionCompiler.periodsOf(RANGE, RetentionUnit.MONTH))
        .containsExactly(LocalDate.of(2026, 3, 1));
    assertThat(RetentionCompiler.periodsOf(RANGE, RetentionUnit.DAY)).hasSize(7);
  }

  static String sql(SqlDialect dialect, RetentionAnalysis retention) {
    return new RetentionCompiler(new EventSource(dialect, "demo", CATALOG))
        .compile(retention)
        .statements()
        .getFirst();
  }
}
