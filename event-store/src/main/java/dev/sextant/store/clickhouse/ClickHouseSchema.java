package dev.sextant.store.clickhouse;

import dev.sextant.store.clickhouse.ClickHouseTable.Column;
import java.util.List;

/**
 * Sextant's tables in ClickHouse and the DDL for one server. {@link ClusterSchema} renders the same
 * tables for a cluster. Only SQL that 18.16 and current servers both accept: no {@code DateTime64}
 * (milliseconds are an {@code Int64}), no data-skipping indexes.
 *
 * <p>No {@code MATERIALIZED} columns: a {@code Distributed} table refuses inserts into them, and
 * 18.16 cannot feed a view's target that computes its own. The store writes the derived time
 * columns ({@code event_time}, {@code event_date}: UTC) itself.
 *
 * <p>Event tables are {@code ReplacingMergeTree} with a sorting key ending in {@code insert_id}, so
 * a redelivered event collapses when parts merge (reads de-duplicate before that). Dates are UTC
 * dates, so partitions do not depend on the server's time zone; analyses convert to a project's.
 */
public final class ClickHouseSchema {

  /** Events as the collector accepted them, sorted for pruning by project, event and date. */
  public static final ClickHouseTable EVENTS =
      new ClickHouseTable(
          "events",
          List.of(
              Column.of("project", "String"),
              Column.of("event", "String"),
              Column.of("distinct_id", "String"),
              Column.of("time_ms", "Int64"),
              Column.of("event_time", "DateTime('UTC')"),
              Column.of("event_date", "Date"),
              Column.of("insert_id", "String"),
              Column.of("track_id", "Nullable(Int64)"),
              Column.of("properties", "String"),
              Column.of("received_at_ms", "Int64")),
          "toYYYYMM(event_date)",
          "(project, event, event_date, distinct_id, insert_id)",
          "cityHash64(distinct_id)");

  /**
   * The same events sorted by user and time, so that one user's sequence is a range read. Sharded
   * like {@link #EVENTS}, so a user's events and their copy live on one shard.
   */
  public static final ClickHouseTable EVENTS_BY_USER =
      EVENTS.renamed("events_by_user", "(project, distinct_id, time_ms, insert_id)");

  /** The view that feeds {@link #EVENTS_BY_USER} from every insert into {@link #EVENTS}. */
  public static final String EVENTS_BY_USER_VIEW = "events_by_user_mv";

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

  private ClickHouseSchema() {}

  /** The statements that create the schema on one server, in order; each is idempotent. */
  public static List<String> singleNode() {
    return List.of(
        createTable(EVENTS, "ReplacingMergeTree"),
        createTable(EVENTS_BY_USER, "ReplacingMergeTree"),
        createView(EVENTS_BY_USER_VIEW, EVENTS_BY_USER.name(), EVENTS.name()),
        createTable(QUARANTINE, "ReplacingMergeTree"));
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
