package dev.sextant.store;

import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import java.util.List;

/**
 * Where accepted events and quarantined records are kept and read back: the SPI that the DuckDB
 * (embedded) and ClickHouse (distributed) adapters implement with one logical schema.
 *
 * <p>Writes are durable when the method returns: callers acknowledge clients or commit Kafka
 * offsets only afterwards.
 */
public interface EventStore {

  /** Creates the tables this store needs, if absent. Safe to call on every start. */
  void createSchema();

  /** Stores a batch of accepted events; durable on return. */
  void append(List<TrackedEvent> events);

  /** Stores a batch of quarantined records; durable on return. */
  void quarantine(List<QuarantinedRecord> records);

  /** One user's events, newest first. */
  List<TrackedEvent> findUserEvents(String project, String distinctId, int limit);

  /** Quarantined records of a project, newest first. */
  List<QuarantinedRecord> findQuarantined(String project, int limit);

  /** The engine and its version, e.g. {@code ClickHouse 18.16.1}, for health and diagnostics. */
  String describeEngine();
}
