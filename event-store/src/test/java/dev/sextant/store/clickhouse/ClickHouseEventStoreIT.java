package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.EventStore;
import dev.sextant.store.EventStoreConformance;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The conformance suite on ClickHouse, plus what the ClickHouse schema promises. */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseEventStoreIT extends EventStoreConformance {

  private static ClickHouseHttpClient client;
  private static ClickHouseEventStore store;

  @BeforeAll
  static void createStore(ClickHouseTestServer server) {
    client = new ClickHouseHttpClient(connectionTo(server, server.database()));
    store = new ClickHouseEventStore(client);
    store.createSchema();
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  static ClickHouseConnection connectionTo(ClickHouseTestServer server, String database) {
    return ClickHouseConnection.of(server.baseUrl(), database)
        .withCredentials(server.user(), server.password());
  }

  @Override
  protected EventStore store() {
    return store;
  }

  @Override
  protected String engineName() {
    return "ClickHouse";
  }

  @Test
  void createsDeduplicatingTablesPartitionedByMonthAndTheUserView() {
    String tables =
        client.query(
            "SELECT name, engine, partition_key FROM system.tables WHERE database = "
                + ClickHouseSql.quote(client.connection().database())
                + " ORDER BY name",
            ClickHouseFormat.TAB_SEPARATED);

    assertThat(tables.lines())
        .containsExactly(
            "events\tReplacingMergeTree\ttoYYYYMM(event_date)",
            "events_by_user\tReplacingMergeTree\ttoYYYYMM(event_date)",
            "events_by_user_mv\tMaterializedView\t",
            "quarantine\tReplacingMergeTree\ttoYYYYMM(received_date)");
  }

  /** What schema evolution will rely on: no gap in the copy when a typed column is added. */
  @Test
  void theUserSortedCopyFollowsAColumnAddedLaterWithoutRecreatingTheView() {
    client.execute("ALTER TABLE events_by_user ADD COLUMN evolution_probe Nullable(String)");
    client.execute("ALTER TABLE events ADD COLUMN evolution_probe Nullable(String)");
    try {
      client.execute(
          "INSERT INTO events (project, insert_id, evolution_probe) VALUES ("
              + ClickHouseSql.quote(project)
              + ", 'probe-1', 'reached the copy')");

      assertThat(
              client.query(
                  "SELECT evolution_probe FROM events_by_user WHERE project = "
                      + ClickHouseSql.quote(project),
                  ClickHouseFormat.TAB_SEPARATED))
          .isEqualTo("reached the copy\n");
    } finally {
      client.execute("ALTER TABLE events DROP COLUMN evolution_probe");
      client.execute("ALTER TABLE events_by_user DROP COLUMN evolution_probe");
    }
  }

  @Test
  void storesUtcTimeAndDateWhateverTheServersTimeZone() {
    // 02:30:45.678 UTC is still the previous day in the server's zone here (America/St_Johns).
    store.append(List.of(event("alice").at("2026-01-01T02:30:45.678Z").build()));

    String derived =
        client.query(
            "SELECT toString(event_time), toString(event_date) FROM events WHERE project = "
                + ClickHouseSql.quote(project),
            ClickHouseFormat.TAB_SEPARATED);

    assertThat(derived.strip()).isEqualTo("2026-01-01 02:30:45\t2026-01-01");
  }

  @Test
  void createsTheDatabaseIfAbsent() {
    String database = client.connection().database() + "_created";
    try (ClickHouseHttpClient other =
        new ClickHouseHttpClient(client.connection().withDatabase(database))) {
      new ClickHouseEventStore(other).createSchema();

      assertThat(other.query("SELECT count() FROM events", ClickHouseFormat.TAB_SEPARATED))
          .isEqualTo("0\n");
    } finally {
      client.execute("DROP DATABASE IF EXISTS " + ClickHouseSql.identifier(database));
    }
  }
}
