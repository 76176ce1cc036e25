package dev.sextant.store.clickhouse;

import static dev.sextant.store.clickhouse.ClickHouseEventStatements.EVENTS;
import static dev.sextant.store.clickhouse.ClickHouseEventStatements.INSERTED_EVENT_COLUMNS;
import static dev.sextant.store.clickhouse.ClickHouseEventStatements.INSERTED_QUARANTINE_COLUMNS;
import static dev.sextant.store.clickhouse.ClickHouseEventStatements.QUARANTINE;

import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.store.EventStore;
import java.util.List;

/**
 * The event store on ClickHouse (18.16 and current versions), for the distributed mode.
 *
 * <p>A batch is one gzip-compressed {@code INSERT ... FORMAT JSONEachRow} request. ClickHouse
 * applies an insert of up to {@code max_insert_block_size} rows (about a million) into one
 * partition atomically; a batch spanning months becomes one part per month, each atomic on its own.
 * A batch is acknowledged once the server has written its parts. The store does not own the client:
 * whoever created the client closes it.
 */
public final class ClickHouseEventStore implements EventStore {

  private final ClickHouseHttpClient client;
  private final ClickHouseEventRows rows = new ClickHouseEventRows();

  public ClickHouseEventStore(ClickHouseHttpClient client) {
    this.client = client;
  }

  /** Creates the database of the connection, if absent, and the tables, if absent. */
  @Override
  public void createSchema() {
    client.createDatabaseIfAbsent();
    ClickHouseSchema.singleNode().forEach(client::execute);
  }

  @Override
  public void append(List<TrackedEvent> events) {
    if (!events.isEmpty()) {
      client.insert(EVENTS, INSERTED_EVENT_COLUMNS, rows.writeEvents(events));
    }
  }

  @Override
  public void quarantine(List<QuarantinedRecord> records) {
    if (!records.isEmpty()) {
      client.insert(QUARANTINE, INSERTED_QUARANTINE_COLUMNS, rows.writeQuarantined(records));
    }
  }

  @Override
  public List<TrackedEvent> findUserEvents(String project, String distinctId, int limit) {
    if (requireLimit(limit) == 0) {
      return List.of();
    }
    String sql = ClickHouseEventStatements.selectUserEvents(project, distinctId, limit);
    return rows.readEvents(client.query(sql, ClickHouseFormat.JSON_EACH_ROW));
  }

  @Override
  public List<QuarantinedRecord> findQuarantined(String project, int limit) {
    if (requireLimit(limit) == 0) {
      return List.of();
    }
    String sql = ClickHouseEventStatements.selectQuarantined(project, limit);
    return rows.readQuarantined(client.query(sql, ClickHouseFormat.JSON_EACH_ROW));
  }

  /** {@code ClickHouse 18.16.1}. */
  @Override
  public String describeEngine() {
    return "ClickHouse " + client.serverVersion();
  }

  private static int requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    return limit;
  }
}
