package dev.sextant.store.clickhouse;

import java.util.List;

/**
 * The reads and writes of {@link ClickHouseEventStore}, kept apart so that they read, and are
 * tested, as text; the tables themselves are in {@link ClickHouseSchema}. No query parameters
 * (18.16 has none): literals go through {@link ClickHouseSql#quote}.
 */
final class ClickHouseEventStatements {

  static final String EVENTS = ClickHouseSchema.EVENTS.name();
  static final String EVENTS_BY_USER = ClickHouseSchema.EVENTS_BY_USER.name();
  static final String QUARANTINE = ClickHouseSchema.QUARANTINE.name();

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

  /** What an insert gives: the columns read back plus the derived time columns. */
  static final List<String> INSERTED_EVENT_COLUMNS =
      concat(EVENT_COLUMNS, List.of("event_time", "event_date"));

  static final List<String> INSERTED_QUARANTINE_COLUMNS =
      concat(QUARANTINE_COLUMNS, List.of("received_date"));

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

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
