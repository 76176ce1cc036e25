package dev.sextant.query.sql;

import static dev.sextant.query.sql.CompilerFixtures.DIALECTS;
import static dev.sextant.query.sql.CompilerFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.SessionAnalysis;
import dev.sextant.query.model.SessionResult;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.QueryRows;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCompilerTest {

  /** Three New York days over the switch to daylight-saving time (a 23-hour Sunday). */
  private static final TimeRange ACROSS_DST =
      new TimeRange(
          LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9), ZoneId.of("America/New_York"));

  private static SessionAnalysis dwellPerUrl() {
    return new SessionAnalysis(
        EventCriteria.anyEvent().where(Filter.where("$os", Operator.NE, Literal.of("Web"))),
        Metric.PAGE_VIEWS,
        "$url",
        Duration.ofMinutes(30),
        ACROSS_DST,
        Granularity.DAY);
  }

  @Test
  void sessionsAndDwellPerPageCompileToPinnedSql() {
    for (SqlDialect dialect : DIALECTS) {
      GoldenSql.assertMatches(
          "sessions",
          dialect,
          new SessionCompiler(source(dialect)).compile(dwellPerUrl()).statements());
    }
  }

  @Test
  void withoutAPagePropertyThereIsNoDwellStatement() {
    SessionAnalysis analysis = SessionAnalysis.of(ACROSS_DST, Granularity.TOTAL);
    for (SqlDialect dialect : DIALECTS) {
      assertThat(new SessionCompiler(source(dialect)).compile(analysis).statements()).hasSize(1);
    }
  }

  @Test
  void aDecimalPageTravelsThroughClickHouseArraysAsText() {
    SessionAnalysis analysis =
        new SessionAnalysis(
            EventCriteria.anyEvent(),
            Metric.PAGE_VIEWS,
            "amount",
            Duration.ofMinutes(30),
            ACROSS_DST,
            Granularity.DAY);
    String dwell =
        new SessionCompiler(source(new ClickHouseDialect())).compile(analysis).statements().get(1);
    assertThat(dwell)
        .contains("groupArray((time_ms, insert_id, is_pv, toString(page)))")
        .contains("toDecimal128(ifNull(stored_page, '0'), 8)");
  }

  @Test
  void aListPropertyCannotNamePages() {
    SessionAnalysis analysis =
        new SessionAnalysis(
            EventCriteria.anyEvent(),
            Metric.PAGE_VIEWS,
            "tags",
            Duration.ofMinutes(30),
            ACROSS_DST,
            Granularity.DAY);
    assertThatThrownBy(() -> new SessionCompiler(source(new DuckDbDialect())).compile(analysis))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("tags");
  }

  @Test
  void rowsBecomeEveryBucketEveryHourAndPagesInGroupOrder() {
    CompiledAnalysis<SessionResult> compiled =
        new SessionCompiler(source(new DuckDbDialect())).compile(dwellPerUrl());
    long march8 = LocalDate.of(2026, 3, 8).toEpochDay();
    QueryRows sessions =
        new QueryRows(
            List.of(
                "bucket",
                "start_hour",
                "sessions",
                "bounces",
                "total_duration_ms",
                "total_page_views"),
            List.of(
                List.<Object>of(march8, 9L, 2L, 1L, 60_000L, 3L),
                List.<Object>of(march8, 23L, 1L, 0L, 0L, 0L)));
    QueryRows dwell =
        new QueryRows(
            List.of("page", "views", "dwell_ms"),
            List.of(
                List.<Object>of("/me", 1L, 5_000L),
                Arrays.asList(null, 2L, 7_000L),
                List.<Object>of("/home", 4L, 1_000L)));

    SessionResult result = compiled.assemble(List.of(sessions, dwell));

    assertThat(result.buckets())
        .extracting(SessionResult.Bucket::start)
        .containsExactly(
            Instant.parse("2026-03-07T05:00:00Z"),
            Instant.parse("2026-03-08T05:00:00Z"),
            Instant.parse("2026-03-09T04:00:00Z"));
    assertThat(result.buckets().get(1))
        .isEqualTo(
            new SessionResult.Bucket(Instant.parse("2026-03-08T05:00:00Z"), 3, 1, 60_000, 3));
    assertThat(result.buckets().get(0).sessions()).isZero();
    List<Long> hours = new ArrayList<>(Collections.nCopies(24, 0L));
    hours.set(9, 2L);
    hours.set(23, 1L);
    assertThat(result.startsByHour()).isEqualTo(hours);
    assertThat(result.dwell())
        .containsExactly(
            new SessionResult.PageDwell("/home", 4, 1_000),
            new SessionResult.PageDwell("/me", 1, 5_000),
            new SessionResult.PageDwell(null, 2, 7_000));
  }
}
