package dev.sextant.benchmarks.query;

import static dev.sextant.benchmarks.query.BenchmarkData.FIRST_DAY;
import static dev.sextant.benchmarks.query.BenchmarkData.ZONE;

import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.SessionAnalysis;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.EventTables;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The analyses the benchmark times, each with its hand-written baselines. */
final class BenchmarkCases {

  private static final String TABLE = EventTables.events(BenchmarkData.PROJECT);
  private static final long DAY_MS = 86_400_000L;
  private static final long SHANGHAI_OFFSET_MS = 8 * 3_600_000L;

  private BenchmarkCases() {}

  static List<BenchmarkCase> all() {
    return List.of(pvUvDaily(), funnel(), retention(), eventsPerUser(), sessions());
  }

  private static TimeRange days(int first, int count) {
    LocalDate from = FIRST_DAY.plusDays(first);
    return new TimeRange(from, from.plusDays(count - 1L), ZONE);
  }

  private static long startMs(TimeRange range) {
    return range.start().toEpochMilli();
  }

  private static long endMs(TimeRange range) {
    return range.end().toEpochMilli();
  }

  /** PV and UV per day over 30 days. */
  static BenchmarkCase pvUvDaily() {
    TimeRange range = days(30, 30);
    EventAnalysis analysis =
        new EventAnalysis(
            List.of(
                new Metric(Metric.PAGE_VIEWS, new Measure.EventCount()),
                new Metric(Metric.PAGE_VIEWS, new Measure.UserCount())),
            Filter.none(),
            List.of(),
            range,
            Granularity.DAY,
            false);
    String where =
        "event IN ('$pageview', '$AppViewScreen') AND time_ms >= %d AND time_ms < %d"
            .formatted(startMs(range), endMs(range));
    return new BenchmarkCase(
        "PV + UV per day, 30 days",
        analysis,
        Map.of(
            "clickhouse",
            "SELECT toDate(toDateTime(intDiv(time_ms, 1000)), 'Asia/Shanghai') AS day, count(),"
                + " uniqExact(distinct_id) FROM "
                + TABLE
                + " WHERE "
                + where
                + " GROUP BY day",
            "duckdb",
            "SELECT (time_ms + %d) // %d AS day, count(*), count(DISTINCT distinct_id) FROM %s WHERE %s GROUP BY day"
                .formatted(SHANGHAI_OFFSET_MS, DAY_MS, TABLE, where)));
  }

  static final List<String> STEPS =
      List.of("P2P_ViewProduct", "P2P_Register", "P2P_BindCard", "P2P_Invest");

  /** A 4-step funnel over 7 days, window 1 day. */
  static BenchmarkCase funnel() {
    TimeRange range = days(30, 7);
    FunnelAnalysis analysis =
        new FunnelAnalysis(
            STEPS.stream().map(EventCriteria::named).toList(), Duration.ofDays(1), range, null);
    long start = startMs(range);
    long end = endMs(range);
    String clickHouse =
        """
        SELECT level, count() FROM (
          SELECT distinct_id, windowFunnel(86400)(toDateTime(intDiv(time_ms, 1000)),
                 event = 'P2P_ViewProduct', event = 'P2P_Register', event = 'P2P_BindCard',
                 event = 'P2P_Invest') AS level
          FROM %s
          WHERE event IN ('P2P_ViewProduct', 'P2P_Register', 'P2P_BindCard', 'P2P_Invest')
            AND time_ms >= %d AND time_ms <= %d
          GROUP BY distinct_id)
        GROUP BY level
        """
            .formatted(TABLE, start, end + DAY_MS);
    // The naive hand-written funnel: each user's first step-1 event, then the earliest next step.
    String duckDb =
        """
        WITH e AS (SELECT distinct_id AS u, event, time_ms FROM %1$s
                   WHERE event IN ('P2P_ViewProduct', 'P2P_Register', 'P2P_BindCard', 'P2P_Invest')
                     AND time_ms >= %2$d AND time_ms <= %3$d),
        s1 AS (SELECT u, min(time_ms) AS t1 FROM e
               WHERE event = 'P2P_ViewProduct' AND time_ms < %4$d GROUP BY u),
        s2 AS (SELECT s1.u, s1.t1, min(e.time_ms) AS t2 FROM s1 JOIN e ON e.u = s1.u
               AND e.event = 'P2P_Register' AND e.time_ms >= s1.t1 AND e.time_ms <= s1.t1 + %5$d
               GROUP BY s1.u, s1.t1),
        s3 AS (SELECT s2.u, s2.t1, min(e.time_ms) AS t3 FROM s2 JOIN e ON e.u = s2.u
               AND e.event = 'P2P_BindCard' AND e.time_ms >= s2.t2 AND e.time_ms <= s2.t1 + %5$d
               GROUP BY s2.u, s2.t1),
        s4 AS (SELECT s3.u FROM s3 JOIN e ON e.u = s3.u
               AND e.event = 'P2P_Invest' AND e.time_ms >= s3.t3 AND e.time_ms <= s3.t1 + %5$d
               GROUP BY s3.u)
        SELECT (SELECT count(*) FROM s1), (SELECT count(*) FROM s2), (SELECT count(*) FROM s3),
               (SELECT count(*) FROM s4)
        """
            .formatted(TABLE, start, end + DAY_MS, end, DAY_MS);
    return new BenchmarkCase(
        "Funnel, 4 steps, 7 days, 1-day window",
        analysis,
        Map.of("clickhouse", clickHouse, "duckdb", duckDb));
  }

  /** Recurring daily retention of page viewers who invest, 14 cohorts, 7 periods. */
  static BenchmarkCase retention() {
    TimeRange range = days(30, 14);
    RetentionAnalysis analysis =
        new RetentionAnalysis(
            EventCriteria.named("$pageview"),
            EventCriteria.named("P2P_Invest"),
            RetentionAnalysis.RetentionUnit.DAY,
            7,
            RetentionAnalysis.CohortKind.RECURRING,
            range,
            null);
    long start = startMs(range);
    long end = endMs(range);
    long returnEnd = end + 7 * DAY_MS;
    String clickHouse =
        """
        SELECT day, rday - day AS period_offset, uniqExact(u) FROM
          (SELECT DISTINCT distinct_id AS u, toDate(toDateTime(intDiv(time_ms, 1000)), 'Asia/Shanghai') AS day
           FROM %1$s WHERE event = '$pageview' AND time_ms >= %2$d AND time_ms < %3$d)
        ALL INNER JOIN
          (SELECT DISTINCT distinct_id AS u, toDate(toDateTime(intDiv(time_ms, 1000)), 'Asia/Shanghai') AS rday
           FROM %1$s WHERE event = 'P2P_Invest' AND time_ms >= %2$d AND time_ms < %4$d)
        USING u
        WHERE rday >= day AND rday <= day + 7
        GROUP BY day, period_offset
        """
            .formatted(TABLE, start, end, returnEnd);
    String duckDb =
        """
        WITH c AS (SELECT DISTINCT distinct_id AS u, (time_ms + %5$d) // %6$d AS day
                   FROM %1$s WHERE event = '$pageview' AND time_ms >= %2$d AND time_ms < %3$d),
             r AS (SELECT DISTINCT distinct_id AS u, (time_ms + %5$d) // %6$d AS rday
                   FROM %1$s WHERE event = 'P2P_Invest' AND time_ms >= %2$d AND time_ms < %4$d)
        SELECT day, rday - day AS period_offset, count(DISTINCT c.u) FROM c JOIN r ON c.u = r.u
        WHERE rday >= day AND rday <= day + 7
        GROUP BY day, period_offset
        """
            .formatted(TABLE, start, end, returnEnd, SHANGHAI_OFFSET_MS, DAY_MS);
    return new BenchmarkCase(
        "Retention, recurring, 14 cohorts x 7 days",
        analysis,
        Map.of("clickhouse", clickHouse, "duckdb", duckDb));
  }

  /** Users by their number of events over 30 days. */
  static BenchmarkCase eventsPerUser() {
    TimeRange range = days(30, 30);
    DistributionAnalysis analysis =
        new DistributionAnalysis.EventsPerUser(
            EventCriteria.anyEvent(), range, List.of(2L, 5L, 10L, 20L, 50L));
    String inner =
        "SELECT distinct_id, count(*) AS n FROM %s WHERE time_ms >= %d AND time_ms < %d GROUP BY distinct_id"
            .formatted(TABLE, startMs(range), endMs(range));
    return new BenchmarkCase(
        "Events per user distribution, 30 days",
        analysis,
        Map.of(
            "clickhouse",
            "SELECT multiIf(n < 2, 0, n < 5, 1, n < 10, 2, n < 20, 3, n < 50, 4, 5) AS b, count(), sum(n) FROM ("
                + inner
                + ") GROUP BY b",
            "duckdb",
            "SELECT CASE WHEN n < 2 THEN 0 WHEN n < 5 THEN 1 WHEN n < 10 THEN 2 WHEN n < 20 THEN 3"
                + " WHEN n < 50 THEN 4 ELSE 5 END AS b, count(*), sum(n) FROM ("
                + inner
                + ") GROUP BY b"));
  }

  /** Sessions per day over 7 days, 30-minute timeout. */
  static BenchmarkCase sessions() {
    TimeRange range = days(30, 7);
    SessionAnalysis analysis = SessionAnalysis.of(range, Granularity.DAY);
    return new BenchmarkCase("Sessions per day, 7 days", analysis, Map.of());
  }
}
