package dev.sextant.store;

import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import java.util.List;

/**
 * Where accepted events and quarantined records are kept and read back: the SPI that the DuckDB
 * (embedded) and ClickHouse (distributed) adapters implement with one logical schema. {@code
 * EventStoreConformance} (in this module's tests) is the executable form of this contract.
 *
 * <p>Writes are durable when the method returns: callers acknowledge clients or commit Kafka
 * offsets only afterwards. A method that throws may or may not have stored its batch.
 *
 * <p>Times are kept to the millisecond; properties and reasons as {@code EventJson} writes them, so
 * a record read back equals the record written.
 *
 * <p>Writing is idempotent: an event appended again with the same {@code insertId} (a batch the
 * sink loads twice after a crash between insert and offset commit) is read back once, and so is a
 * quarantined record with the same {@code quarantineId}. Each engine applies this in its own way (a
 * unique key in DuckDB, de-duplicating reads over {@code ReplacingMergeTree} in ClickHouse).
 */
public interface EventStore {

  /** Creates the tables this store needs, if absent. Safe to call on every start. */
  void createSchema();

  /** Stores a batch of accepted events; durable on return. An empty batch does nothing. */
  void append(List<TrackedEvent> events);

  /** Stores a batch of quarantined records; durable on return. An empty batch does nothing. */
  void quarantine(List<QuarantinedRecord> records);

  /**
   * One user's events, newest first by event time; events of the same millisecond latest received
   * first, then by descending {@code insertId}, so the order is stable.
   *
   * @param limit at most this many, not negative
   */
  List<TrackedEvent> findUserEvents(String project, String distinctId, int limit);

  /**
   * Quarantined records of a project, newest first by reception, then by descending id.
   *
   * @param limit at most this many, not negative
   */
  List<QuarantinedRecord> findQuarantined(String project, int limit);

  /** The engine and its version, e.g. {@code ClickHouse 18.16.1}, for health and diagnostics. */
  String describeEngine();
}
