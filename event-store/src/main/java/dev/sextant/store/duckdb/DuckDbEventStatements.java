package dev.sextant.store.duckdb;

/**
 * The SQL of {@link DuckDbEventStore}: the logical schema of the ClickHouse store in DuckDB's
 * types. Values are bound as JDBC parameters, never spliced into the text.
 */
final class DuckDbEventStatements {

  /**
   * {@code event_date} is generated from {@code time_ms} (a UTC date), as in ClickHouse. The
   * primary key on {@code insert_id} with {@code INSERT OR IGNORE} keeps a redelivered event once,
   * as ClickHouse's de-duplicating reads do.
   */
  static final String CREATE_EVENTS =
      """
      CREATE TABLE IF NOT EXISTS events
      (
          project VARCHAR NOT NULL,
          event VARCHAR NOT NULL,
          distinct_id VARCHAR NOT NULL,
          time_ms BIGINT NOT NULL,
          event_date DATE GENERATED ALWAYS AS (CAST(epoch_ms(time_ms) AS DATE)) VIRTUAL,
          insert_id VARCHAR NOT NULL PRIMARY KEY,
          track_id BIGINT,
          properties VARCHAR NOT NULL,
          received_at_ms BIGINT NOT NULL
      )\
      """;

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

  static final String EVENTS_STAGING = "events_staging";

  /**
   * Where a batch is appended before it moves into {@code events}: temporary, so it lives in this
   * connection only and never reaches the database file. Columns in the appender's order.
   */
  static final String CREATE_EVENTS_STAGING =
      """
      CREATE TEMP TABLE IF NOT EXISTS events_staging
      (
          project VARCHAR,
          event VARCHAR,
          distinct_id VARCHAR,
          time_ms BIGINT,
          insert_id VARCHAR,
          track_id BIGINT,
          properties VARCHAR,
          received_at_ms BIGINT
      )\
      """;

  static final String MOVE_STAGED_EVENTS =
      """
      INSERT OR IGNORE INTO events
          (project, event, distinct_id, time_ms, insert_id, track_id, properties, received_at_ms)
      SELECT project, event, distinct_id, time_ms, insert_id, track_id, properties, received_at_ms
      FROM events_staging\
      """;

  static final String CLEAR_STAGED_EVENTS = "DELETE FROM events_staging";

  static final String INSERT_QUARANTINED =
      """
      INSERT OR IGNORE INTO quarantine (project, quarantine_id, received_at_ms, reasons, payload)
      VALUES (?, ?, ?, ?, ?)\
      """;

  /** Newest first; ties broken as in ClickHouse, by arrival and then insert id. */
  static final String SELECT_USER_EVENTS =
      """
      SELECT project, event, distinct_id, time_ms, insert_id, track_id, properties, received_at_ms
      FROM events
      WHERE project = ? AND distinct_id = ?
      ORDER BY time_ms DESC, received_at_ms DESC, insert_id DESC
      LIMIT ?\
      """;

  static final String SELECT_QUARANTINED =
      """
      SELECT project, quarantine_id, received_at_ms, reasons, payload
      FROM quarantine
      WHERE project = ?
      ORDER BY received_at_ms DESC, quarantine_id DESC
      LIMIT ?\
      """;

  private DuckDbEventStatements() {}
}
