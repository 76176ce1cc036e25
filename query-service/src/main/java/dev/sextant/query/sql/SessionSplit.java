package dev.sextant.query.sql;

/**
 * Cuts each user's events into sessions: the one part of the sessions SQL that differs by engine.
 * ClickHouse 18.16 has no window functions, so it sorts each user's events into arrays and numbers
 * the sessions there; DuckDB uses {@code lag}, {@code lead} and a running sum over the user's
 * events.
 */
sealed interface SessionSplit permits SessionSplit.ByArrays, SessionSplit.ByWindows {

  static SessionSplit of(SqlDialect dialect) {
    return switch (dialect) {
      case ClickHouseDialect ignored -> new ByArrays();
      case DuckDbDialect ignored -> new ByWindows();
    };
  }

  /**
   * The events as a relation with {@code user_id, time_ms, is_pv, page}, the user's {@code session}
   * number (increasing with time) and {@code next_gap_ms}, the time to the user's next event (-1
   * for their last). An event starts a session when it is the user's first or comes more than the
   * timeout after the previous one, in event order (time, then insert_id).
   *
   * @param events a relation with {@code user_id, time_ms, insert_id, is_pv, page}
   * @param decimalPage whether {@code page} is a decimal column
   */
  String split(String events, long timeoutMillis, boolean decimalPage);

  /** Per-user arrays sorted in event order, numbered with a running sum, expanded by ARRAY JOIN. */
  record ByArrays() implements SessionSplit {

    @Override
    public String split(String events, long timeoutMillis, boolean decimalPage) {
      // groupArray of a Decimal128 (alone or in a tuple) crashes 18.16 (a segfault in
      // ColumnDecimal::deserializeAndInsertFromArena, measured), so a decimal page travels as
      // text and is read back after the ARRAY JOIN; scale 8 makes the round trip exact.
      String page = decimalPage ? "toString(page)" : "page";
      String storedPage =
          decimalPage
              ? "if(isNull(stored_page), NULL, toDecimal128(ifNull(stored_page, '0'), 8))"
              : "stored_page";
      return "(SELECT user_id, time_ms, is_pv, "
          + storedPage
          + " AS page, session, next_gap_ms FROM (SELECT user_id, "
          + "arraySort(x -> (x.1, x.2), groupArray((time_ms, insert_id, is_pv, "
          + page
          + "))) AS ordered, "
          + "arrayMap(x -> x.1, ordered) AS times, "
          + "arrayMap(x -> x.3, ordered) AS page_views, "
          + "arrayMap(x -> x.4, ordered) AS pages, "
          + "arrayCumSum(arrayMap(i -> if(i > 1 AND times[i] - times[i - 1] <= "
          + timeoutMillis
          + ", 0, 1), arrayEnumerate(times))) AS sessions, "
          + "arrayMap(i -> if(i < length(times), times[i + 1] - times[i], -1), "
          + "arrayEnumerate(times)) AS next_gaps "
          + "FROM "
          + events
          + " AS e GROUP BY user_id) "
          + "ARRAY JOIN times AS time_ms, page_views AS is_pv, pages AS stored_page, "
          + "sessions AS session, next_gaps AS next_gap_ms)";
    }
  }

  /** Window functions over each user's events in event order. */
  record ByWindows() implements SessionSplit {

    @Override
    public String split(String events, long timeoutMillis, boolean decimalPage) {
      return "(SELECT user_id, time_ms, is_pv, page, "
          + "sum(CASE WHEN previous_gap_ms IS NULL OR previous_gap_ms > "
          + timeoutMillis
          + " THEN 1 ELSE 0 END) OVER (PARTITION BY user_id ORDER BY time_ms, insert_id "
          + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session, next_gap_ms "
          + "FROM (SELECT user_id, time_ms, insert_id, is_pv, page, "
          + "time_ms - lag(time_ms) OVER by_time AS previous_gap_ms, "
          + "coalesce(lead(time_ms) OVER by_time - time_ms, -1) AS next_gap_ms "
          + "FROM "
          + events
          + " AS e WINDOW by_time AS (PARTITION BY user_id ORDER BY time_ms, insert_id)) AS g)";
    }
  }
}
