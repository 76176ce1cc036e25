package dev.sextant.store.clickhouse;

import dev.sextant.store.ColumnType;
import dev.sextant.store.EventTables;
import dev.sextant.store.clickhouse.ClickHouseTable.Column;
import java.util.List;
import java.util.Optional;

/**
 * Sextant's tables in ClickHouse and the DDL for one server. {@link ClusterSchema} renders the same
 * tables for a cluster. Only SQL that 18.16 and current servers both accept: no {@code DateTime64}
 * (milliseconds are an {@code Int64}), no data-skipping indexes.
 *
 * <p>No {@code MATERIALIZED} columns: a {@code Distributed} table refuses inserts into them, and
 * 18.16 cannot feed a view's target that computes its own. The store writes the derived time
 * columns ({@code event_time}, {@code event_date}: UTC) itself.
 *
 * <p>Events live in tables per project ({@code events_<project>}, {@code events_by_user_<project>}
 * and the view between them), created on the project's first batch; the quarantine is one table.
 *
 * <p>Event tables are {@code ReplacingMergeTree} with a sorting key ending in {@code insert_id}, so
 * a redelivered event collapses when parts merge (reads de-duplicate before that). Dates are UTC
 * dates, so partitions do not depend on the server's time zone; analyses convert to a project's.
 */
public final class ClickHouseSchema {

  /**
   * The fixed columns of every project's events tables; properties follow as typed, nullable
   * columns named as the property, added when first seen ({@link #propertyColumnType}).
   */
  static final List<Column> EVENT_COLUMNS =
      List.of(
          Column.of("project", "String"),
          Column.of("event", "String"),
          Column.of("distinct_id", "String"),
          Column.of("time_ms", "Int64"),
          Column.of("event_time", "DateTime('UTC')"),
          Column.of("event_date", "Date"),
          Column.of("insert_id", "String"),
          Column.of("track_id", "Nullable(Int64)"),
          Column.of("received_at_ms", "Int64"));

  /** A project's events as the collector accepted them, sorted for pruning by event and date. */
  public static ClickHouseTable events(String project) {
    return new ClickHouseTable(
        EventTables.events(project),
        EVENT_COLUMNS,
        "toYYYYMM(event_date)",
        "(project, event, event_date, distinct_id, insert_id)",
        "cityHash64(distinct_id)");
  }

  /**
   * The same events sorted by user and time, so that one user's sequence is a range read. Sharded
   * like {@link #events}, so a user's events and their copy live on one shard.
   */
  public static ClickHouseTable eventsByUser(String project) {
    return events(project)
        .renamed(EventTables.eventsByUser(project), "(project, distinct_id, time_ms, insert_id)");
  }

  /**
   * A project's ID links. Every link is kept, once (the sorting key is the whole row, so a link
   * appended again collapses); reads take the earliest per anonymous id ({@code argMin}), ties by
   * the smaller login id, which a merge could not do deterministically with a version column. Links
   * are few (one per signup), so one partition. Sharded by anonymous id, like the events sent under
   * it.
   */
  public static ClickHouseTable idLinks(String project) {
    return new ClickHouseTable(
        EventTables.idLinks(project),
        List.of(
            Column.of("project", "String"),
            Column.of("anonymous_id", "String"),
            Column.of("login_id", "String"),
            Column.of("linked_at_ms", "Int64")),
        "tuple()",
        "(anonymous_id, linked_at_ms, login_id)",
        "cityHash64(anonymous_id)");
  }

  /**
   * A project's profile updates, the log that profiles are folded from in Java. Sorted by user and
   * time, so one user's updates are a range read; the sorting key ends in {@code insert_id}, so a
   * redelivered update collapses when parts merge (reads de-duplicate before that). Properties are
   * JSON text: the log is read whole per user, never filtered by a property. One partition: a
   * user's updates span all of time, and there is no retention by month for profiles. Sharded by
   * distinct id, like the events.
   */
  public static ClickHouseTable profileUpdates(String project) {
    return new ClickHouseTable(
        EventTables.profileUpdates(project),
        List.of(
            Column.of("project", "String"),
            Column.of("distinct_id", "String"),
            Column.of("operation", "String"),
            Column.of("properties", "String"),
            Column.of("time_ms", "Int64"),
            Column.of("insert_id", "String"),
            Column.of("received_at_ms", "Int64")),
        "tuple()",
        "(distinct_id, time_ms, insert_id)",
        "cityHash64(distinct_id)");
  }

  /** The statement that creates a project's profile update log on one server; idempotent. */
  public static String singleNodeProfileUpdates(String project) {
    return createTable(profileUpdates(project), "ReplacingMergeTree");
  }

  /**
   * A project's item updates, the log that items are folded from in Java. Sorted by item and time,
   * so one item's updates are a range read; the sorting key ends in {@code insert_id}, so a
   * redelivered update collapses when parts merge (reads de-duplicate before that). Properties are
   * JSON text, as for profiles. One partition: items are not kept by month. Sharded by item, so one
   * item's updates live on one shard.
   */
  public static ClickHouseTable itemUpdates(String project) {
    return new ClickHouseTable(
        EventTables.itemUpdates(project),
        List.of(
            Column.of("project", "String"),
            Column.of("item_type", "String"),
            Column.of("item_id", "String"),
            Column.of("operation", "String"),
            Column.of("properties", "String"),
            Column.of("time_ms", "Int64"),
            Column.of("insert_id", "String"),
            Column.of("received_at_ms", "Int64")),
        "tuple()",
        "(item_type, item_id, time_ms, insert_id)",
        "cityHash64(item_type, item_id)");
  }

  /** The statement that creates a project's item update log on one server; idempotent. */
  public static String singleNodeItemUpdates(String project) {
    return createTable(itemUpdates(project), "ReplacingMergeTree");
  }

  /**
   * The ClickHouse type of a property column. All nullable (an event need not have every property),
   * except lists: 18.16 and current servers refuse {@code Nullable(Array)}, so an absent list is an
   * empty array, and an empty list is stored as absent on both engines. NUMBER is {@code
   * Decimal(38, 8)} so sums agree exactly with DuckDB's {@code DECIMAL(38, 8)}. DATETIME is the
   * wall-clock time in epoch milliseconds (no {@code DateTime64} on 18.16); DATE is days since
   * 1970-01-01, because 18.16's {@code Date} ends in 2105 and starts in 1970, too late for
   * birthdays.
   */
  public static String propertyColumnType(ColumnType type) {
    return switch (type) {
      case NUMBER -> "Nullable(Decimal(38, 8))";
      case STRING -> "Nullable(String)";
      case BOOL -> "Nullable(UInt8)";
      case DATETIME -> "Nullable(Int64)";
      case DATE -> "Nullable(Int32)";
      case LIST -> "Array(String)";
    };
  }

  /** The column type of a property column as {@code system.columns} shows it, if it is one. */
  static Optional<ColumnType> propertyColumnType(String clickHouseType) {
    for (ColumnType type : ColumnType.values()) {
      if (propertyColumnType(type).equals(clickHouseType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Records the collector refused, with reasons and payload. */
  public static final ClickHouseTable QUARANTINE =
      new ClickHouseTable(
          "quarantine",
          List.of(
              Column.of("project", "String"),
              Column.of("quarantine_id", "String"),
              Column.of("received_at_ms", "Int64"),
              Column.of("received_date", "Date"),
              Column.of("reasons", "String"),
              Column.of("payload", "String")),
          "toYYYYMM(received_date)",
          "(project, received_date, quarantine_id)",
          "cityHash64(quarantine_id)");

  /**
   * That a quarantined record was replayed and accepted. Replays are serialised per project by the
   * replaying process; a row appended twice collapses on its key, and reads take the first replay
   * ({@code argMin}) even before parts merge.
   */
  public static final ClickHouseTable QUARANTINE_REPLAYS =
      new ClickHouseTable(
          "quarantine_replays",
          List.of(
              Column.of("project", "String"),
              Column.of("quarantine_id", "String"),
              Column.of("replayed_at_ms", "Int64"),
              Column.of("insert_id", "String"),
              Column.of("replayed_by", "String")),
          "tuple()",
          "(project, quarantine_id)",
          "cityHash64(quarantine_id)");

  private ClickHouseSchema() {}

  /** The statements that create the shared tables on one server; each is idempotent. */
  public static List<String> singleNode() {
    return List.of(
        createTable(QUARANTINE, "ReplacingMergeTree"),
        createTable(QUARANTINE_REPLAYS, "ReplacingMergeTree"));
  }

  /**
   * The statements that create a project's events tables, the view between them and its ID links on
   * one server, in order; each is idempotent. The links table comes first, so that it exists
   * whenever the events table does (analyses join it).
   */
  public static List<String> singleNode(String project) {
    ClickHouseTable events = events(project);
    ClickHouseTable eventsByUser = eventsByUser(project);
    return List.of(
        createTable(idLinks(project), "ReplacingMergeTree"),
        createTable(events, "ReplacingMergeTree"),
        createTable(eventsByUser, "ReplacingMergeTree"),
        createView(EventTables.eventsByUserView(project), eventsByUser.name(), events.name()));
  }

  /**
   * {@code ALTER TABLE <table> ADD COLUMN `<property>` <type>}: 18.16 has no {@code IF NOT EXISTS}
   * here, so callers check {@code system.columns} first and tolerate a concurrent writer's add.
   */
  static String addColumn(String table, String property, ColumnType type) {
    return "ALTER TABLE %s ADD COLUMN %s %s"
        .formatted(
            ClickHouseSql.identifier(table),
            ClickHouseSql.identifier(property),
            propertyColumnType(type));
  }

  static String createTable(ClickHouseTable table, String engine) {
    return createTable(table.name(), "", table, engine);
  }

  /**
   * {@code CREATE TABLE IF NOT EXISTS <name><onCluster> (...) ENGINE = ... PARTITION ... ORDER}.
   */
  static String createTable(String name, String onCluster, ClickHouseTable table, String engine) {
    return """
    CREATE TABLE IF NOT EXISTS %s%s
    (
    %s
    )
    ENGINE = %s
    PARTITION BY %s
    ORDER BY %s\
    """
        .formatted(
            name, onCluster, table.renderColumns(), engine, table.partitionBy(), table.orderBy());
  }

  static String createView(String view, String target, String source) {
    return createView(view, "", target, source);
  }

  /**
   * {@code SELECT *}, not a column list: on 18.16 and current servers the view then follows columns
   * added later (to the target first, then the source) without being recreated, which would leave a
   * gap in which inserts do not reach the copy.
   */
  static String createView(String view, String onCluster, String target, String source) {
    return "CREATE MATERIALIZED VIEW IF NOT EXISTS %s%s TO %s AS\nSELECT *\nFROM %s"
        .formatted(view, onCluster, target, source);
  }
}
