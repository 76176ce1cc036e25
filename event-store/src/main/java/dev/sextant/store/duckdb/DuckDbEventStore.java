package dev.sextant.store.duckdb;

import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import dev.sextant.store.EventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The event store on DuckDB, inside the process, for the embedded mode: one file, or memory.
 *
 * <p>DuckDB allows one writer per database, so writes share one connection under a lock; each batch
 * is one transaction, committed (and so in DuckDB's write-ahead log) before the method returns.
 * Reads run concurrently on connections of their own, duplicated from the same database.
 * Thread-safe. The logical schema is the ClickHouse store's: times in epoch milliseconds, UTC dates
 * derived from them, properties and reasons as JSON text in {@link EventJson}'s form.
 */
public final class DuckDbEventStore implements EventStore, AutoCloseable {

  private final DuckDBConnection writer;
  private final Object writeLock = new Object();
  private final EventJson json = new EventJson();
  private final String version;

  private DuckDbEventStore(DuckDBConnection writer) throws SQLException {
    this.writer = writer;
    this.version = selectVersion(writer);
    // Batches are transactions: commit() in the write methods decides when a batch is durable.
    writer.setAutoCommit(false);
  }

  /** Opens (or creates) a database file; creates its directory if absent. */
  public static DuckDbEventStore open(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + absolute, e);
    }
    return connect("jdbc:duckdb:" + absolute);
  }

  /** A private database in memory, gone when closed: for tests and demos. */
  public static DuckDbEventStore inMemory() {
    return connect("jdbc:duckdb:");
  }

  @Override
  public void createSchema() {
    synchronized (writeLock) {
      inTransaction(() -> {
        try (Statement statement = writer.createStatement()) {
          statement.execute(DuckDbEventStatements.CREATE_EVENTS);
          statement.execute(DuckDbEventStatements.CREATE_EVENTS_STAGING);
          statement.execute(DuckDbEventStatements.CREATE_QUARANTINE);
        }
      });
    }
  }

  /**
   * Appends through DuckDB's appender into a temporary staging table, then moves the batch into
   * {@code events} with one {@code INSERT OR IGNORE ... SELECT}: row-by-row inserts against the
   * {@code insert_id} key were two orders of magnitude slower.
   */
  @Override
  public void append(List<TrackedEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      inTransaction(() -> {
        try (DuckDBAppender appender =
            writer.createAppender("temp", "main", DuckDbEventStatements.EVENTS_STAGING)) {
          for (TrackedEvent event : events) {
            appendEvent(appender, event);
          }
        }
        try (Statement statement = writer.createStatement()) {
          statement.execute(DuckDbEventStatements.MOVE_STAGED_EVENTS);
          statement.execute(DuckDbEventStatements.CLEAR_STAGED_EVENTS);
        }
      });
    }
  }

  @Override
  public void quarantine(List<QuarantinedRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      inTransaction(() -> {
        try (PreparedStatement insert =
            writer.prepareStatement(DuckDbEventStatements.INSERT_QUARANTINED)) {
          for (QuarantinedRecord record : records) {
            insert.setString(1, record.project());
            insert.setString(2, record.quarantineId());
            insert.setLong(3, record.receivedAt().toEpochMilli());
            insert.setString(4, json.writeReasons(record.reasons()));
            insert.setString(5, record.payload());
            insert.addBatch();
          }
          insert.executeBatch();
        }
      });
    }
  }

  @Override
  public List<TrackedEvent> findUserEvents(String project, String distinctId, int limit) {
    requireLimit(limit);
    try (Connection reader = writer.duplicate();
        PreparedStatement select =
            reader.prepareStatement(DuckDbEventStatements.SELECT_USER_EVENTS)) {
      select.setString(1, project);
      select.setString(2, distinctId);
      select.setInt(3, limit);
      List<TrackedEvent> events = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(readEvent(rows));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the events of a user of " + project, e);
    }
  }

  @Override
  public List<QuarantinedRecord> findQuarantined(String project, int limit) {
    requireLimit(limit);
    try (Connection reader = writer.duplicate();
        PreparedStatement select =
            reader.prepareStatement(DuckDbEventStatements.SELECT_QUARANTINED)) {
      select.setString(1, project);
      select.setInt(2, limit);
      List<QuarantinedRecord> records = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.add(
              new QuarantinedRecord(
                  rows.getString("project"),
                  rows.getString("quarantine_id"),
                  Instant.ofEpochMilli(rows.getLong("received_at_ms")),
                  json.readReasons(rows.getString("reasons")),
                  rows.getString("payload")));
        }
      }
      return records;
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the quarantine of " + project, e);
    }
  }

  /** {@code DuckDB 1.4.1}. */
  @Override
  public String describeEngine() {
    return "DuckDB " + version;
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      try {
        writer.close();
      } catch (SQLException e) {
        throw new DuckDbStoreException("cannot close DuckDB", e);
      }
    }
  }

  private static DuckDbEventStore connect(String url) {
    try {
      return new DuckDbEventStore(DriverManager.getConnection(url).unwrap(DuckDBConnection.class));
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot open DuckDB at " + url, e);
    }
  }

  private static String selectVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT version()")) {
      result.next();
      String version = result.getString(1);
      return version.startsWith("v") ? version.substring(1) : version;
    }
  }

  /** Runs {@code work} on the writer and commits, or rolls back and throws. Holds the lock. */
  private void inTransaction(SqlWork work) {
    try {
      work.run();
      writer.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        writer.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new DuckDbStoreException("cannot write to DuckDB; the batch was rolled back", e);
    }
  }

  private void appendEvent(DuckDBAppender appender, TrackedEvent event) throws SQLException {
    appender.beginRow();
    appender.append(event.project());
    appender.append(event.event());
    appender.append(event.distinctId());
    appender.append(event.time().toEpochMilli());
    appender.append(event.insertId());
    if (event.trackId() == null) {
      appender.appendNull();
    } else {
      appender.append(event.trackId().longValue());
    }
    appender.append(json.writeProperties(event.properties()));
    appender.append(event.receivedAt().toEpochMilli());
    appender.endRow();
  }

  private TrackedEvent readEvent(ResultSet rows) throws SQLException {
    Long trackId = nullableLong(rows, "track_id");
    return new TrackedEvent(
        rows.getString("project"),
        rows.getString("event"),
        rows.getString("distinct_id"),
        Instant.ofEpochMilli(rows.getLong("time_ms")),
        rows.getString("insert_id"),
        trackId,
        json.readProperties(rows.getString("properties")),
        Instant.ofEpochMilli(rows.getLong("received_at_ms")));
  }

  private static Long nullableLong(ResultSet rows, String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  private static void requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }

  @FunctionalInterface
  private interface SqlWork {
    void run() throws SQLException;
  }
}
