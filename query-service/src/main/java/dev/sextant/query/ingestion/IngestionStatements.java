package dev.sextant.query.ingestion;

import dev.sextant.query.sql.SqlDialect;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The SQL of an ingestion report, per dialect: records by the minute of their reception ({@code
 * received_at_ms}, set by the collector), not of their event time, so a historical import counts
 * when it arrives. Each statement answers rows {@code (minute, records)}, {@code minute} being
 * whole minutes since 1970 (UTC), or one row {@code (latest)}.
 */
public final class IngestionStatements {

  static final long MINUTE_MS = 60_000;

  private final SqlDialect dialect;

  public IngestionStatements(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /**
   * The project's accepted events per minute received in {@code [from, to)}. Events are read
   * without de-duplication, as analyses read them (the sink stores a redelivered batch's events
   * once). Reception time is not a sorting key, so this reads the whole {@code received_at_ms}
   * column: one integer column, cheap next to an analysis.
   */
  public String acceptedPerMinute(String project, Instant from, Instant to) {
    return "SELECT "
        + minute()
        + " AS minute, count(*) AS records FROM "
        + dialect.eventsTable(project)
        + " WHERE "
        + received(from, to)
        + " GROUP BY minute ORDER BY minute";
  }

  /**
   * The project's quarantined records per minute received in {@code [from, to)}, each counted once
   * (in ClickHouse a redelivered copy stays until its parts merge). {@code received_date}, the UTC
   * date of reception, lets the engine skip older partitions (written as a cast both engines read:
   * the dialects' DATE literals are for DATE property columns, numbers in ClickHouse). The table is
   * shared by all projects, under the same name in both stores.
   */
  public String quarantinedPerMinute(String project, Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    return "SELECT "
        + minute()
        + " AS minute, "
        + dialect.countDistinct("quarantine_id")
        + " AS records FROM quarantine WHERE project = "
        + dialect.string(project)
        + " AND received_date >= CAST("
        + dialect.string(first.toString())
        + " AS Date)"
        + " AND "
        + received(from, to)
        + " GROUP BY minute ORDER BY minute";
  }

  /**
   * The latest reception of an accepted event of the project: NULL in DuckDB, 0 in ClickHouse (an
   * aggregate's default) when the table is empty.
   */
  public String latestReceived(String project) {
    return "SELECT max(received_at_ms) AS latest FROM " + dialect.eventsTable(project);
  }

  private String minute() {
    return dialect.intDiv("received_at_ms", Long.toString(MINUTE_MS));
  }

  private static String received(Instant from, Instant to) {
    return "received_at_ms >= "
        + from.toEpochMilli()
        + " AND received_at_ms < "
        + to.toEpochMilli();
  }
}
