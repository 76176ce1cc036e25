package dev.sextant.benchmarks.query;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.ColumnType;
import dev.sextant.store.EventStore;
import dev.sextant.store.EventTables;
import dev.sextant.store.PropertyTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's events, generated inside each engine by one {@code INSERT ... SELECT} over a
 * number sequence with the same integer arithmetic on both, so ClickHouse and DuckDB hold the
 * identical rows (and must give identical answers). Users have about 100 events each over 90 days;
 * eight event names, the funnel's steps among them.
 */
final class BenchmarkData {

  static final String PROJECT = "bench";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 1);
  static final int DAYS = 90;
  static final List<String> EVENTS =
      List.of(
          "$pageview",
          "$AppViewScreen",
          "P2P_ViewProduct",
          "P2P_Register",
          "P2P_BindCard",
          "P2P_Invest",
          "$AppClick",
          "forex_Follow");

  static final PropertyTypes TYPES =
      (project, property) ->
          Optional.ofNullable(
              Map.of("$os", ColumnType.STRING, "amount", ColumnType.NUMBER).get(property));

  private BenchmarkData() {}

  static long start() {
    return FIRST_DAY.atStartOfDay(ZONE).toInstant().toEpochMilli();
  }

  static long spanMillis() {
    return DAYS * 86_400_000L;
  }

  /** Creates the project's tables through the store (columns included) with one event. */
  static void createTables(EventStore store) {
    Instant time = Instant.ofEpochMilli(start() - 86_400_000L);
    store.append(
        List.of(
            new TrackedEvent(
                PROJECT,
                "$pageview",
                "seed",
                time,
                "seed",
                null,
                Map.of("$os", "iOS", "amount", BigDecimal.ONE),
                time)),
        TYPES);
  }

  /**
   * Event {@code n}: user {@code (n * 7919) % users}; time spread over the 90 days by a
   * multiplicative hash; the name from a skewed mix so that funnels narrow.
   */
  static String clickHouseInsert(long events, long users) {
    return """
    INSERT INTO %s (project, event, distinct_id, time_ms, event_time, event_date, insert_id,
                    received_at_ms, `$os`, amount)
    SELECT 'bench', %s, concat('u', toString((number * 7919) %% %d)), t,
           toDateTime(intDiv(t, 1000), 'UTC'), toDate(toDateTime(intDiv(t, 1000), 'UTC')),
           concat('b', toString(number)), t + 1000,
           ['iOS', 'Android', 'Web'][(number %% 3) + 1], toDecimal128(number %% 1000, 8)
    FROM (SELECT number, %d + (number * 104729 + intDiv(number, 3) * 7) %% %d AS t
          FROM numbers(%d))
    """
        .formatted(
            EventTables.events(PROJECT),
            eventName("number", "intDiv(number, 11)"),
            users,
            start(),
            spanMillis(),
            events);
  }

  static String duckDbInsert(long events, long users) {
    return """
    INSERT INTO %s (project, event, distinct_id, time_ms, insert_id, received_at_ms, "$os", amount)
    SELECT 'bench', %s, 'u' || CAST((number * 7919) %% %d AS VARCHAR), t,
           'b' || CAST(number AS VARCHAR), t + 1000,
           ['iOS', 'Android', 'Web'][(number %% 3) + 1], CAST(number %% 1000 AS DECIMAL(38, 8))
    FROM (SELECT range AS number, %d + (range * 104729 + (range // 3) * 7) %% %d AS t
          FROM range(%d))
    """
        .formatted(
            EventTables.events(PROJECT),
            eventName("number", "(number // 11)"),
            users,
            start(),
            spanMillis(),
            events);
  }

  /** A skewed choice of name: views are common, investments rare. */
  private static String eventName(String n, String nOver11) {
    // Buckets of 100: 30 page views, 20 screens, 15 product views, 8 registers, 6 bind card,
    // 4 invest, 12 clicks, 5 follows.
    String bucket = "((" + n + " * 37 + " + nOver11 + ") % 100)";
    return "CASE WHEN "
        + bucket
        + " < 30 THEN '$pageview' WHEN "
        + bucket
        + " < 50 THEN '$AppViewScreen' WHEN "
        + bucket
        + " < 65 THEN 'P2P_ViewProduct' WHEN "
        + bucket
        + " < 73 THEN 'P2P_Register' WHEN "
        + bucket
        + " < 79 THEN 'P2P_BindCard' WHEN "
        + bucket
        + " < 83 THEN 'P2P_Invest' WHEN "
        + bucket
        + " < 95 THEN '$AppClick' ELSE 'forex_Follow' END";
  }
}
