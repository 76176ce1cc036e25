package dev.sextant.store.clickhouse;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.EventTables;
import dev.sextant.store.UserEventQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The reads and writes of {@link ClickHouseEventStore}, kept apart so that they read, and are
 * tested, as text; the tables themselves are in {@link ClickHouseSchema}. No query parameters
 * (18.16 has none): literals go through {@link ClickHouseSql#quote}, table names come from {@link
 * EventTables} and property names through {@link ClickHouseSql#identifier}.
 */
final class ClickHouseEventStatements {

  static final String QUARANTINE = ClickHouseSchema.QUARANTINE.name();

  /** The fixed columns an insert gives and a read returns, before the property columns. */
  static final List<String> EVENT_COLUMNS =
      List.of(
          "project", "event", "distinct_id", "time_ms", "insert_id", "track_id", "received_at_ms");

  static final List<String> ID_LINK_COLUMNS =
      List.of("project", "anonymous_id", "login_id", "linked_at_ms");

  static final List<String> PROFILE_UPDATE_COLUMNS =
      List.of(
          "project",
          "distinct_id",
          "operation",
          "properties",
          "time_ms",
          "insert_id",
          "received_at_ms");

  static final List<String> ITEM_UPDATE_COLUMNS =
      List.of(
          "project",
          "item_type",
          "item_id",
          "operation",
          "properties",
          "time_ms",
          "insert_id",
          "received_at_ms");

  static final List<String> QUARANTINE_COLUMNS =
      List.of("project", "quarantine_id", "received_at_ms", "reasons", "payload");

  /** What an insert gives besides the properties: the fixed columns plus the derived times. */
  static final List<String> INSERTED_EVENT_COLUMNS =
      concat(EVENT_COLUMNS, List.of("event_time", "event_date"));

  static final List<String> INSERTED_QUARANTINE_COLUMNS =
      concat(QUARANTINE_COLUMNS, List.of("received_date"));

  /** {@code ClickHouse}'s code for a table that does not exist (a project with no events yet). */
  static final int UNKNOWN_TABLE = 60;

  /** ClickHouse's code for a query stopped by {@code max_execution_time}. */
  static final int TIMEOUT_EXCEEDED = 159;

  /**
   * The codes for adding a column another writer has just added: 44 on 18.16 ({@code
   * ILLEGAL_COLUMN}), 15 ({@code DUPLICATE_COLUMN}) on current servers. The store re-reads the
   * columns afterwards rather than trusting the code alone.
   */
  static final List<Integer> COLUMN_EXISTS = List.of(44, 15);

  /** {@code TABLE_ALREADY_EXISTS}: two writers creating a project's tables at once. */
  static final int TABLE_EXISTS = 57;

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private ClickHouseEventStatements() {}

  /**
   * Newest first; ties (same millisecond) broken by arrival, then insert id, for a stable order.
   * Each event once, even before a redelivered copy has been merged away. Every column: the
   * properties are whatever columns the table has when the query runs.
   */
  static String selectUserEvents(String project, List<String> distinctIds, int limit) {
    return """
    SELECT *
    FROM %s
    WHERE project = %s AND distinct_id IN (%s)
    ORDER BY time_ms DESC, received_at_ms DESC, insert_id DESC
    LIMIT 1 BY insert_id
    LIMIT %d\
    """
        .formatted(
            EventTables.eventsByUser(project),
            ClickHouseSql.quote(project),
            String.join(", ", distinctIds.stream().map(ClickHouseSql::quote).toList()),
            limit);
  }

  /**
   * The events of a {@link UserEventQuery}: newest first, ties by descending insert id, so that a
   * page continues after the previous one's last (time, insert id); each event once.
   */
  static String selectUserEvents(String project, UserEventQuery query) {
    List<String> where = new ArrayList<>();
    where.add("project = " + ClickHouseSql.quote(project));
    where.add("distinct_id IN (" + quoted(query.distinctIds()) + ")");
    if (!query.events().isEmpty()) {
      where.add("event IN (" + quoted(List.copyOf(query.events())) + ")");
    }
    if (query.from() != null) {
      where.add("time_ms >= " + query.from().toEpochMilli());
    }
    if (query.to() != null) {
      where.add("time_ms < " + query.to().toEpochMilli());
    }
    if (query.before() != null) {
      long time = query.before().time().toEpochMilli();
      where.add(
          "(time_ms < "
              + time
              + " OR (time_ms = "
              + time
              + " AND insert_id < "
              + ClickHouseSql.quote(query.before().insertId())
              + "))");
    }
    return """
    SELECT *
    FROM %s
    WHERE %s
    ORDER BY time_ms DESC, insert_id DESC
    LIMIT 1 BY insert_id
    LIMIT %d\
    """
        .formatted(EventTables.eventsByUser(project), String.join(" AND ", where), query.limit());
  }

  private static String quoted(List<String> values) {
    return String.join(", ", values.stream().map(ClickHouseSql::quote).toList());
  }

  /** The winning link's login id of an anonymous id: no row when it has no link. */
  static String selectLoginId(String project, String anonymousId) {
    return """
    SELECT argMin(login_id, (linked_at_ms, login_id)) AS winning_login_id
    FROM %s
    WHERE anonymous_id = %s
    GROUP BY anonymous_id\
    """
        .formatted(EventTables.idLinks(project), ClickHouseSql.quote(anonymousId));
  }

  /**
   * The anonymous ids whose winning link is to {@code loginId}, in order: only those with some link
   * to it are grouped. {@code GLOBAL IN}: on a cluster both sides read the distributed table.
   */
  static String selectAnonymousIds(String project, String loginId) {
    String table = EventTables.idLinks(project);
    String login = ClickHouseSql.quote(loginId);
    return """
    SELECT anonymous_id
    FROM %s
    WHERE anonymous_id GLOBAL IN (SELECT anonymous_id FROM %s WHERE login_id = %s)
    GROUP BY anonymous_id
    HAVING argMin(login_id, (linked_at_ms, login_id)) = %s
    ORDER BY anonymous_id\
    """
        .formatted(table, table, login, login);
  }

  /**
   * The winning link of each anonymous id: the earliest, ties by the smaller login id, as {@code
   * IdLink#precedes} says; de-duplicated whether or not parts have merged.
   */
  static String selectIdLinks(String project) {
    return """
    SELECT
        anonymous_id,
        argMin(login_id, (linked_at_ms, login_id)) AS winning_login_id,
        min(linked_at_ms) AS winning_linked_at_ms
    FROM %s
    GROUP BY anonymous_id
    ORDER BY anonymous_id\
    """
        .formatted(EventTables.idLinks(project));
  }

  /**
   * The updates of some distinct ids in the order they apply, each once even before a redelivered
   * copy has been merged away.
   */
  static String selectProfileUpdates(String project, List<String> distinctIds) {
    return """
    SELECT %s
    FROM %s
    WHERE project = %s AND distinct_id IN (%s)
    ORDER BY time_ms, insert_id
    LIMIT 1 BY insert_id\
    """
        .formatted(
            String.join(", ", PROFILE_UPDATE_COLUMNS),
            EventTables.profileUpdates(project),
            ClickHouseSql.quote(project),
            String.join(", ", distinctIds.stream().map(ClickHouseSql::quote).toList()));
  }

  /**
   * The updates of one item in the order they apply, each once even before a redelivered copy has
   * been merged away.
   */
  static String selectItemUpdates(String project, String itemType, String itemId) {
    return """
    SELECT %s
    FROM %s
    WHERE project = %s AND item_type = %s AND item_id = %s
    ORDER BY time_ms, insert_id
    LIMIT 1 BY insert_id\
    """
        .formatted(
            String.join(", ", ITEM_UPDATE_COLUMNS),
            EventTables.itemUpdates(project),
            ClickHouseSql.quote(project),
            ClickHouseSql.quote(itemType),
            ClickHouseSql.quote(itemId));
  }

  /** The columns of a table of the connection's database, with their types, in order. */
  static String selectColumns(String table) {
    return """
    SELECT name, type
    FROM system.columns
    WHERE database = currentDatabase() AND table = %s\
    """
        .formatted(ClickHouseSql.quote(table));
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

  /** The quarantined records with these ids (ids quoted by {@link ClickHouseSql#quote}). */
  static String selectQuarantined(String project, java.util.Collection<String> ids) {
    return """
    SELECT %s
    FROM quarantine
    WHERE project = %s AND quarantine_id IN (%s)
    LIMIT 1 BY quarantine_id\
    """
        .formatted(
            String.join(", ", QUARANTINE_COLUMNS), ClickHouseSql.quote(project), quotedList(ids));
  }

  /**
   * The first replay of each of these quarantined records. The aliases differ from the columns:
   * ClickHouse substitutes an alias wherever its name appears, inside the aggregates too.
   */
  static String selectReplays(String project, java.util.Collection<String> ids) {
    return """
    SELECT quarantine_id, min(replayed_at_ms) AS first_replayed_at_ms,
           argMin(insert_id, replayed_at_ms) AS first_insert_id,
           argMin(replayed_by, replayed_at_ms) AS first_replayed_by
    FROM quarantine_replays
    WHERE project = %s AND quarantine_id IN (%s)
    GROUP BY quarantine_id\
    """
        .formatted(ClickHouseSql.quote(project), quotedList(ids));
  }

  private static String quotedList(java.util.Collection<String> values) {
    return values.stream()
        .map(ClickHouseSql::quote)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * The insert ids of {@code batch} that the project's table already holds. Insert ids are the
   * collector's (ASCII), and every literal is quoted by {@link ClickHouseSql#quote}.
   */
  static String selectStoredInsertIds(String project, List<TrackedEvent> batch) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    TreeSet<String> events = new TreeSet<>();
    StringJoiner ids = new StringJoiner(", ");
    for (TrackedEvent event : batch) {
      dates.add(LocalDate.ofInstant(event.time(), ZoneOffset.UTC));
      events.add(ClickHouseSql.quote(event.event()));
      ids.add(ClickHouseSql.quote(event.insertId()));
    }
    return "SELECT DISTINCT insert_id FROM %s WHERE project = %s AND event IN (%s)"
            .formatted(
                EventTables.events(project),
                ClickHouseSql.quote(project),
                String.join(", ", events))
        + " AND event_date >= toDate('%s') AND event_date <= toDate('%s') AND insert_id IN (%s)"
            .formatted(dates.first(), dates.last(), ids);
  }
}
