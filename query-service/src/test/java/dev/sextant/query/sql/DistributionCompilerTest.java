package dev.sextant.query.sql;

import static dev.sextant.query.sql.CompilerFixtures.DIALECTS;
import static dev.sextant.query.sql.CompilerFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.DistributionResult;
import dev.sextant.query.model.DistributionResult.Bucket;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.QueryRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionCompilerTest {

  private static final TimeRange WEEK =
      new TimeRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), ZoneId.of("Asia/Shanghai"));

  private static final EventCriteria INVESTMENTS =
      EventCriteria.named("Invest").where(Filter.where("vip", Operator.EQ, Literal.of(true)));

  private static final DistributionAnalysis.Histogram AMOUNTS =
      new DistributionAnalysis.Histogram(
          INVESTMENTS,
          "amount",
          WEEK,
          List.of(new BigDecimal("0"), new BigDecimal("100.5"), new BigDecimal("1000")));

  private static final DistributionAnalysis.EventsPerUser INVESTMENTS_PER_USER =
      new DistributionAnalysis.EventsPerUser(INVESTMENTS, WEEK, List.of(2L, 5L, 10L));

  @Test
  void aHistogramCompilesToPinnedSql() {
    for (SqlDialect dialect : DIALECTS) {
      GoldenSql.assertMatches(
          "distribution-histogram",
          dialect,
          new DistributionCompiler(source(dialect)).compile(AMOUNTS).statements());
    }
  }

  @Test
  void eventsPerUserCompileToPinnedSql() {
    for (SqlDialect dialect : DIALECTS) {
      GoldenSql.assertMatches(
          "distribution-events-per-user",
          dialect,
          new DistributionCompiler(source(dialect)).compile(INVESTMENTS_PER_USER).statements());
    }
  }

  @Test
  void everyBucketIsListedWithTheRequestsBounds() {
    QueryRows rows =
        new QueryRows(
            List.of("bucket", "events", "users"),
            List.of(List.<Object>of(0L, 3L, 2L), List.<Object>of(3L, 1L, 1L)));

    DistributionResult result =
        new DistributionCompiler(source(new ClickHouseDialect()))
            .compile(AMOUNTS)
            .assemble(List.of(rows));

    assertThat(result.buckets())
        .containsExactly(
            new Bucket(null, new BigDecimal("0"), 3, 2),
            new Bucket(new BigDecimal("0"), new BigDecimal("100.5"), 0, 0),
            new Bucket(new BigDecimal("100.5"), new BigDecimal("1000"), 0, 0),
            new Bucket(new BigDecimal("1000"), null, 1, 1));
  }

  @Test
  void daysOfWeekAreNumberedFromMonday() {
    QueryRows rows =
        new QueryRows(List.of("bucket", "events", "users"), List.of(List.<Object>of(7L, 4L, 2L)));

    DistributionResult result =
        new DistributionCompiler(source(new DuckDbDialect()))
            .compile(new DistributionAnalysis.DayOfWeek(INVESTMENTS, WEEK))
            .assemble(List.of(rows));

    assertThat(result.buckets()).hasSize(7);
    assertThat(result.buckets().getFirst())
        .isEqualTo(new Bucket(BigDecimal.ONE, BigDecimal.TWO, 0, 0));
    assertThat(result.buckets().getLast())
        .isEqualTo(new Bucket(BigDecimal.valueOf(7), BigDecimal.valueOf(8), 4, 2));
  }

  @Test
  void aHistogramNeedsANumberProperty() {
    DistributionAnalysis.Histogram ofText =
        new DistributionAnalysis.Histogram(INVESTMENTS, "$os", WEEK, List.of(BigDecimal.ONE));
    assertThatThrownBy(() -> new DistributionCompiler(source(new DuckDbDialect())).compile(ofText))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("not a NUMBER");
  }
}
