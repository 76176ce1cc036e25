package dev.sextant.store.clickhouse;

import java.util.List;

/**
 * The SQL of {@link ClickHouseEventStore}, kept apart so that it reads, and is tested, as text.
 * Only SQL that both 18.16 and current servers accept: no {@code DateTime64} (milliseconds are an
 * {@code Int64}), no query parameters (literals go through {@link ClickHouseSql#quote}).
 *
 * <p>Derived columns are {@code MATERIALIZED}: computed by the server on insert, so they cannot
 * disagree with {@code time_ms}, and left out of {@code SELECT *}. Dates are UTC dates, so
 * partitions do not depend on the server's time zone; analyses convert to a project's zone.
 */
final class ClickHouseEventStatements {

  static final String EVENTS = "events";
  static final String EVENTS_BY_USER = "events_by_user";
  static final String QUARANTINE = "quarantine";

  /** The columns an insert gives and a read returns, in the order of the rows. */
  static final List<String> EVENT_COLUMNS =
      List.of(
          "project",
          "event",
          "distinct_id",
          "time_ms",
          "insert_id",
          "track_id",
          "properties",
          "received_at_ms");

  static final List<String> QUARANTINE_COLUMNS =
      List.of("project", "quarantine_id", "received_at_ms", "reasons", "payload");

  static final String CREATE_EVENTS =
      """
      CREATE TABLE IF NOT EXISTS events
      (
          project String,
          event String,
          distinct_id String,
          time_ms Int64,
          event_time DateTime('UTC') MATERIALIZED toDateTime(intDiv(time_ms, 1000), 'UTC'),
          event_date Date MATERIALIZED toDate(event_time, 'UTC'),
          insert_id String,
          track_id Nullable(Int64),
          properties String,
          received_at_ms Int64
      )
      ENGINE = ReplacingMergeTree
      PARTITION BY toYYYYMM(event_date)
      ORDER BY (project, event, event_date, distinct_id, insert_id)\
      """;

  /**
   * The same events sorted by user and time, so that one user's sequence is a range read. A
   * redelivered event (same {@code insert_id}) collapses when parts merge; reads de-duplicate
   * before that with {@code LIMIT 1 BY insert_id}. {@code event_date} is a plain column here: 18.16
   * cannot push a block into a view's target that computes its own materialized columns.
   */
  static final String CREATE_EVENTS_BY_USER =
      """
      CREATE TABLE IF NOT EXISTS events_by_user
      (
          project String,
          event String,
          distinct_id String,
          time_ms Int64,
          event_date Date,
          insert_id String,
          track_id Nullable(Int64),
          properties String,
          received_at_ms Int64
      )
      ENGINE = ReplacingMergeTree
      PARTITION BY toYYYYMM(event_date)
      ORDER BY (project, distinct_id, time_ms, insert_id)\
      """;

  static final String CREATE_EVENTS_BY_USER_VIEW =
      """
      CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_user_mv TO events_by_user AS
      SELECT project, event, distinct_id, time_ms, event_date, insert_id, track_id, properties,
             received_at_ms
      FROM events\
      """;

  static final String CREATE_QUARANTINE =
      """
      CREATE TABLE IF NOT EXISTS quarantine
      (
          project String,
          quarantine_id String,
          received_at_ms Int64,
          received_date Date MATERIALIZED toDate(toDateTime(intDiv(received_at_ms, 1000), 'UTC'), 'UTC'),
          reasons String,
          payload String
      )
      ENGINE = ReplacingMergeTree
      PARTITION BY toYYYYMM(received_date)
      ORDER BY (project, received_date, quarantine_id)\
      """;

  private ClickHouseEventStatements() {}

  /**
   * Newest first; ties (same millisecond) broken by arrival, then insert id, for a stable order.
   * Each event once, even before a redelivered copy has been merged away.
   */
  static String selectUserEvents(String project, String distinctId, int limit) {
    return """
    SELECT %s
    FROM events_by_user
    WHERE project = %s AND distinct_id = %s
    ORDER BY time_ms DESC, received_at_ms DESC, insert_id DESC
    LIMIT 1 BY insert_id
    LIMIT %d\
    """
        .formatted(
            String.join(", ", EVENT_COLUMNS),
            ClickHouseSql.quote(project),
            ClickHouseSql.quote(distinctId),
            limit);
  }

  static String selectQuarantined(String project, int limit) {
    return """
    SELECT %s
    FROM quarantine
    WHERE project = %s
    ORDER BY received_at_ms DESC, quarantine_id DESC
    LIMIT 1 BY quarantine_id
    LIMIT %d\
    """
        .formatted(String.join(", ", QUARANTINE_COLUMNS), ClickHouseSql.quote(project), limit);
  }
}
