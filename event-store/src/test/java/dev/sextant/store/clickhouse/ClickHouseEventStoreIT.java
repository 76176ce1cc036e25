package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.EventStore;
import dev.sextant.store.EventStoreConformance;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  void createsAProjectsDeduplicatingTablesTheUserViewAndTheIdLinksOnFirstUse() {
    append(List.of(event("alice").with("$os", "iOS").build()));

    String tables =
        client.query(
            "SELECT name, engine, partition_key FROM system.tables WHERE database = "
                + ClickHouseSql.quote(client.connection().database())
                + " AND (name LIKE "
                + ClickHouseSql.quote("%" + project)
                + " OR name = 'quarantine') ORDER BY name",
            ClickHouseFormat.TAB_SEPARATED);

    assertThat(tables.lines())
        .containsExactlyInAnyOrder(
            "events_" + project + "\tReplacingMergeTree\ttoYYYYMM(event_date)",
            "events_by_user_" + project + "\tReplacingMergeTree\ttoYYYYMM(event_date)",
            "events_by_user_mv_" + project + "\tMaterializedView\t",
            "id_links_" + project + "\tReplacingMergeTree\ttuple()",
            "quarantine\tReplacingMergeTree\ttoYYYYMM(received_date)");
    assertThat(
            client.query(
                "SELECT type FROM system.columns WHERE database = currentDatabase()"
                    + " AND table = 'events_by_user_"
                    + project
                    + "' AND name = '$os'",
                ClickHouseFormat.TAB_SEPARATED))
        .isEqualTo("Nullable(String)\n");
  }

  /** A writer that died between its two ALTERs left the copy with a column the events lack. */
  @Test
  void finishesAColumnAnotherWriterHalfAdded() {
    TrackedEvent first = event("alice").at("2026-11-20T08:00:00Z").build();
    append(List.of(first));
    client.execute(
        "ALTER TABLE events_by_user_" + project + " ADD COLUMN channel Nullable(String)");
    TrackedEvent second = event("alice").at("2026-11-21T08:00:00Z").with("channel", "华为").build();

    append(List.of(second));

    assertThat(store.findUserEvents(project, "alice", 10)).containsExactly(second, first);
    assertThat(columnsOf("events_by_user_" + project)).isEqualTo(columnsOf("events_" + project));
  }

  private static String columnsOf(String table) {
    return client.query(
        "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = "
            + ClickHouseSql.quote(table),
        ClickHouseFormat.TAB_SEPARATED);
  }

  /** Two sinks meeting the same new property at once: both batches are stored. */
  @Test
  void writersAddingTheSameColumnAtOnceBothSucceed(ClickHouseTestServer server) throws Exception {
    append(List.of(event("alice").at("2026-11-20T08:00:00Z").build()));
    List<TrackedEvent> events = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> tasks = new ArrayList<>();
      for (int writer = 0; writer < 4; writer++) {
        TrackedEvent event =
            event("bob")
                .at(Instant.parse("2026-11-21T08:00:00Z").plusSeconds(writer))
                .with("channel", "writer " + writer)
                .with("amount", (long) writer)
                .build();
        events.add(event);
        tasks.add(
            pool.submit(() -> {
              try (ClickHouseHttpClient own =
                  new ClickHouseHttpClient(connectionTo(server, server.database()))) {
                new ClickHouseEventStore(own).append(List.of(event), types);
              }
            }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    }

    assertThat(store.findUserEvents(project, "bob", 10))
        .containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  void storesUtcTimeAndDateWhateverTheServersTimeZone() {
    // 02:30:45.678 UTC is still the previous day in the server's zone here (America/St_Johns).
    append(List.of(event("alice").at("2026-01-01T02:30:45.678Z").build()));

    String derived =
        client.query(
            "SELECT toString(event_time), toString(event_date) FROM events_" + project,
            ClickHouseFormat.TAB_SEPARATED);

    assertThat(derived.strip()).isEqualTo("2026-01-01 02:30:45\t2026-01-01");
  }

  @Test
  void createsTheDatabaseIfAbsent() {
    String database = client.connection().database() + "_created";
    try (ClickHouseHttpClient other =
        new ClickHouseHttpClient(client.connection().withDatabase(database))) {
      new ClickHouseEventStore(other).createSchema();

      assertThat(other.query("SELECT count() FROM quarantine", ClickHouseFormat.TAB_SEPARATED))
          .isEqualTo("0\n");
    } finally {
      client.execute("DROP DATABASE IF EXISTS " + ClickHouseSql.identifier(database));
    }
  }
}
