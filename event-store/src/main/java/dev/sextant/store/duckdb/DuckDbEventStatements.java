package dev.sextant.store.duckdb;

import dev.sextant.store.ColumnType;
import dev.sextant.store.EventTables;
import dev.sextant.store.PropertyValues;
import dev.sextant.store.UserEventQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL of {@link DuckDbEventStore}: the logical schema of the ClickHouse store in DuckDB's
 * types. Values are bound as JDBC parameters, never spliced into the text; table names come from
 * {@link EventTables} and property names from {@link PropertyValues#requirePropertyName}.
 */
final class DuckDbEventStatements {

  /** The fixed columns an insert gives and a read returns, before the property columns. */
  static final List<String> EVENT_COLUMNS =
      List.of(
          "project", "event", "distinct_id", "time_ms", "insert_id", "track_id", "received_at_ms");

  static final String CREATE_QUARANTINE =
      """
      CREATE TABLE IF NOT EXISTS quarantine
      (
          project VARCHAR NOT NULL,
          quarantine_id VARCHAR NOT NULL PRIMARY KEY,
          received_at_ms BIGINT NOT NULL,
          received_date DATE GENERATED ALWAYS AS (CAST(epoch_ms(received_at_ms) AS DATE)) VIRTUAL,
          reasons VARCHAR NOT NULL,
          payload VARCHAR NOT NULL
      )\
      """;

  /** That a quarantined record was replayed and accepted; the first replay of a record stays. */
  static final String CREATE_QUARANTINE_REPLAYS =
      """
      CREATE TABLE IF NOT EXISTS quarantine_replays
      (
          project VARCHAR NOT NULL,
          quarantine_id VARCHAR NOT NULL PRIMARY KEY,
          replayed_at_ms BIGINT NOT NULL,
          insert_id VARCHAR NOT NULL,
          replayed_by VARCHAR NOT NULL
      )\
      """;

  static final String INSERT_REPLAY =
      """
      INSERT OR IGNORE INTO quarantine_replays
          (project, quarantine_id, replayed_at_ms, insert_id, replayed_by)
      VALUES (?, ?, ?, ?, ?)\
      """;

  static final String SELECT_REPLAY =
      """
      SELECT quarantine_id, replayed_at_ms, insert_id, replayed_by
      FROM quarantine_replays
      WHERE project = ? AND quarantine_id = ?\
      """;

  static final String SELECT_QUARANTINED_BY_ID =
      """
      SELECT project, quarantine_id, received_at_ms, reasons, payload
      FROM quarantine
      WHERE project = ? AND quarantine_id = ?\
      """;

  /** Where a batch is appended before it moves into the project's table; this connection's only. */
  static final String EVENTS_STAGING = "events_staging";

  static final String DROP_STAGED_EVENTS = "DROP TABLE IF EXISTS temp.events_staging";

  static final String INSERT_QUARANTINED =
      """
      INSERT OR IGNORE INTO quarantine (project, quarantine_id, received_at_ms, reasons, payload)
      VALUES (?, ?, ?, ?, ?)\
      """;

  static final String SELECT_QUARANTINED =
      """
      SELECT project, quarantine_id, received_at_ms, reasons, payload
      FROM quarantine
      WHERE project = ?
      ORDER BY received_at_ms DESC, quarantine_id DESC
      LIMIT ?\
      """;

  /** The property columns of a table of the main schema, with their types. */
  static final String SELECT_COLUMNS =
      """
      SELECT column_name, data_type
      FROM information_schema.columns
      WHERE table_schema = 'main' AND table_name = ?\
      """;

  /** The events tables of the main schema (every table a project's events are in). */
  static final String SELECT_EVENTS_TABLES =
      """
      SELECT table_name
      FROM information_schema.tables
      WHERE table_schema = 'main' AND table_type = 'BASE TABLE'
          AND starts_with(table_name, 'events_')\
      """;

  static final String COUNT_TABLES =
      """
      SELECT count(*)
      FROM information_schema.tables
      WHERE table_schema = 'main' AND table_name = ?\
      """;

  private DuckDbEventStatements() {}

  /**
   * A project's events. {@code event_date} is generated from {@code time_ms} (a UTC date), as in
   * ClickHouse. The primary key on {@code insert_id} with {@code INSERT OR IGNORE} keeps a
   * redelivered event once, as ClickHouse's de-duplicating reads do.
   */
  static String createEvents(String project) {
    return """
    CREATE TABLE IF NOT EXISTS %s
    (
        project VARCHAR NOT NULL,
        event VARCHAR NOT NULL,
        distinct_id VARCHAR NOT NULL,
        time_ms BIGINT NOT NULL,
        event_date DATE GENERATED ALWAYS AS (CAST(epoch_ms(time_ms) AS DATE)) VIRTUAL,
        insert_id VARCHAR NOT NULL PRIMARY KEY,
        track_id BIGINT,
        received_at_ms BIGINT NOT NULL
    )\
    """
        .formatted(EventTables.events(project));
  }

  /** A project's ID links: one row per anonymous id, the primary key, holding the winning link. */
  static String createIdLinks(String project) {
    return """
    CREATE TABLE IF NOT EXISTS %s
    (
        project VARCHAR NOT NULL,
        anonymous_id VARCHAR NOT NULL PRIMARY KEY,
        login_id VARCHAR NOT NULL,
        linked_at_ms BIGINT NOT NULL
    )\
    """
        .formatted(EventTables.idLinks(project));
  }

  /**
   * Stores a link unless its anonymous id already has one that precedes it ({@code
   * IdLink#precedes}: earlier, then the smaller login id), so the result does not depend on arrival
   * order. One row per anonymous id in a statement: DuckDB refuses to update a row twice in one
   * command.
   */
  static String upsertIdLink(String project) {
    String table = EventTables.idLinks(project);
    return """
    INSERT INTO %s (project, anonymous_id, login_id, linked_at_ms)
    VALUES (?, ?, ?, ?)
    ON CONFLICT (anonymous_id) DO UPDATE
    SET login_id = excluded.login_id, linked_at_ms = excluded.linked_at_ms
    WHERE excluded.linked_at_ms < %s.linked_at_ms
        OR (excluded.linked_at_ms = %s.linked_at_ms AND excluded.login_id < %s.login_id)\
    """
        .formatted(table, table, table, table);
  }

  static String selectIdLinks(String project) {
    return """
    SELECT project, anonymous_id, login_id, linked_at_ms
    FROM %s
    ORDER BY anonymous_id\
    """
        .formatted(EventTables.idLinks(project));
  }

  /**
   * A project's profile updates: the log {@code ProfileFolding} folds. Properties are JSON text in
   * {@code EventJson}'s form; the primary key on {@code insert_id} with {@code INSERT OR IGNORE}
   * keeps a redelivered update once.
   */
  static String createProfileUpdates(String project) {
    return """
    CREATE TABLE IF NOT EXISTS %s
    (
        project VARCHAR NOT NULL,
        distinct_id VARCHAR NOT NULL,
        operation VARCHAR NOT NULL,
        properties VARCHAR NOT NULL,
        time_ms BIGINT NOT NULL,
        insert_id VARCHAR NOT NULL PRIMARY KEY,
        received_at_ms BIGINT NOT NULL
    )\
    """
        .formatted(EventTables.profileUpdates(project));
  }

  static String insertProfileUpdate(String project) {
    return """
    INSERT OR IGNORE INTO %s
        (project, distinct_id, operation, properties, time_ms, insert_id, received_at_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?)\
    """
        .formatted(EventTables.profileUpdates(project));
  }

  /** The updates of some distinct ids, in the order they apply. */
  static String selectProfileUpdates(String project, int ids) {
    return """
    SELECT project, distinct_id, operation, properties, time_ms, insert_id, received_at_ms
    FROM %s
    WHERE project = ? AND distinct_id IN (%s)
    ORDER BY time_ms, insert_id\
    """
        .formatted(
            EventTables.profileUpdates(project), String.join(", ", Collections.nCopies(ids, "?")));
  }

  /**
   * A project's item updates: the log {@code ItemFolding} folds. Properties are JSON text in {@code
   * EventJson}'s form; the primary key on {@code insert_id} with {@code INSERT OR IGNORE} keeps a
   * redelivered update once.
   */
  static String createItemUpdates(String project) {
    return """
    CREATE TABLE IF NOT EXISTS %s
    (
        project VARCHAR NOT NULL,
        item_type VARCHAR NOT NULL,
        item_id VARCHAR NOT NULL,
        operation VARCHAR NOT NULL,
        properties VARCHAR NOT NULL,
        time_ms BIGINT NOT NULL,
        insert_id VARCHAR NOT NULL PRIMARY KEY,
        received_at_ms BIGINT NOT NULL
    )\
    """
        .formatted(EventTables.itemUpdates(project));
  }

  static String insertItemUpdate(String project) {
    return """
    INSERT OR IGNORE INTO %s
        (project, item_type, item_id, operation, properties, time_ms, insert_id, received_at_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)\
    """
        .formatted(EventTables.itemUpdates(project));
  }

  /** The updates of one item, in the order they apply. */
  static String selectItemUpdates(String project) {
    return """
    SELECT project, item_type, item_id, operation, properties, time_ms, insert_id, received_at_ms
    FROM %s
    WHERE project = ? AND item_type = ? AND item_id = ?
    ORDER BY time_ms, insert_id\
    """
        .formatted(EventTables.itemUpdates(project));
  }

  /**
   * DuckDB's type of a property column: NUMBER {@code DECIMAL(38, 8)} as in ClickHouse, DATETIME a
   * {@code TIMESTAMP} holding the wall-clock time, LIST {@code VARCHAR[]}; all nullable.
   */
  static String columnType(ColumnType type) {
    return switch (type) {
      case NUMBER -> "DECIMAL(38,8)";
      case STRING -> "VARCHAR";
      case BOOL -> "BOOLEAN";
      case DATETIME -> "TIMESTAMP";
      case DATE -> "DATE";
      case LIST -> "VARCHAR[]";
    };
  }

  /** The column type of a property column as DuckDB names it, if it is one. */
  static Optional<ColumnType> columnType(String duckDbType) {
    for (ColumnType type : ColumnType.values()) {
      if (columnType(type).equals(duckDbType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  static String addColumn(String project, String property, ColumnType type) {
    return "ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s %s"
        .formatted(EventTables.events(project), quote(property), columnType(type));
  }

  /** The staging table for a batch: the fixed columns and the batch's properties, in order. */
  static String createStaging(List<String> properties, Map<String, ColumnType> types) {
    String fixed =
        """
            project VARCHAR,
            event VARCHAR,
            distinct_id VARCHAR,
            time_ms BIGINT,
            insert_id VARCHAR,
            track_id BIGINT,
            received_at_ms BIGINT\
        """;
    String props =
        properties.stream()
            .map(property -> ",\n    " + quote(property) + " " + columnType(types.get(property)))
            .collect(Collectors.joining());
    return "CREATE OR REPLACE TEMP TABLE events_staging\n(\n" + fixed + props + "\n)";
  }

  static String moveStaged(String project, List<String> properties) {
    String columns =
        Stream.concat(EVENT_COLUMNS.stream(), properties.stream().map(DuckDbEventStatements::quote))
            .collect(Collectors.joining(", "));
    return "INSERT OR IGNORE INTO %s (%s)\nSELECT %s\nFROM temp.events_staging"
        .formatted(EventTables.events(project), columns, columns);
  }

  /**
   * {@code distinct_id} is one of {@code ids} parameters. Not {@code IN (?, ?)}: DuckDB turns a
   * list into an OR that it cannot push into the scan, and reads every row (a user with a login and
   * an anonymous id took 5 to 8 times as long as with one id, over 5 M rows); an {@code IN}
   * subquery over the values is a semi join the scan filters with.
   */
  static String distinctIdIn(int ids) {
    if (ids == 0) {
      return "FALSE";
    }
    if (ids == 1) {
      return "distinct_id = ?";
    }
    return "distinct_id IN (SELECT CAST(id AS VARCHAR) FROM (VALUES "
        + String.join(", ", Collections.nCopies(ids, "(?)"))
        + ") AS ids(id))";
  }

  /** Newest first; ties broken as in ClickHouse, by arrival and then insert id. */
  static String selectUserEvents(String project, int ids) {
    return """
    SELECT *
    FROM %s
    WHERE project = ? AND %s
    ORDER BY time_ms DESC, received_at_ms DESC, insert_id DESC
    LIMIT ?\
    """
        .formatted(EventTables.events(project), distinctIdIn(ids));
  }

  /**
   * The events of a {@link UserEventQuery}, newest first, ties by descending insert id; parameters
   * in order: the project, the distinct ids, the event names, {@code from}, {@code to}, the
   * position before (time twice, then insert id) and the limit, each only when the query has it.
   */
  static String selectUserEvents(String project, UserEventQuery query) {
    List<String> where = new ArrayList<>();
    where.add("project = ?");
    where.add(distinctIdIn(query.distinctIds().size()));
    if (!query.events().isEmpty()) {
      where.add("event IN (" + placeholders(query.events().size()) + ")");
    }
    if (query.from() != null) {
      where.add("time_ms >= ?");
    }
    if (query.to() != null) {
      where.add("time_ms < ?");
    }
    if (query.before() != null) {
      where.add("(time_ms < ? OR (time_ms = ? AND insert_id < ?))");
    }
    return """
    SELECT *
    FROM %s
    WHERE %s
    ORDER BY time_ms DESC, insert_id DESC
    LIMIT ?\
    """
        .formatted(EventTables.events(project), String.join(" AND ", where));
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /** The login id an anonymous id is linked to (the table keeps only the winning link). */
  static String selectLoginId(String project) {
    return "SELECT login_id FROM %s WHERE anonymous_id = ?".formatted(EventTables.idLinks(project));
  }

  /** The anonymous ids linked to a login id, in order. */
  static String selectAnonymousIds(String project) {
    return "SELECT anonymous_id FROM %s WHERE login_id = ? ORDER BY anonymous_id"
        .formatted(EventTables.idLinks(project));
  }

  private static String quote(String property) {
    return '"' + PropertyValues.requirePropertyName(property) + '"';
  }
}
