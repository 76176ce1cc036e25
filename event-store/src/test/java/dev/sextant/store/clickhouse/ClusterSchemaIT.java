package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster DDL on a real server through real {@code Distributed} tables: the test cluster has
 * one shard (this server), unreplicated, statements run per node (no ZooKeeper here). The store
 * then writes and reads through the distributed tables with exactly the SQL it uses on one server.
 */
@ExtendWith(ClickHouseExtension.class)
class ClusterSchemaIT {

  @Test
  void theStoreWorksUnchangedOverTheDistributedTables(ClickHouseTestServer server) {
    String database = server.database() + "_cluster";
    ClusterSchema.Layout layout =
        new ClusterSchema.Layout(
            ClickHouseExtension.TEST_CLUSTER, database, false, "/unused", "{replica}", false);
    ClickHouseConnection connection =
        ClickHouseConnection.of(server.baseUrl(), database)
            .withCredentials(server.user(), server.password());

    try (ClickHouseHttpClient client = new ClickHouseHttpClient(connection)) {
      try {
        List<String> statements = new ArrayList<>(ClusterSchema.statements(layout));
        statements.addAll(ClusterSchema.statements(layout, "demo"));
        for (String statement : statements) {
          client.executeOutsideDatabase(statement);
        }
        ClickHouseEventStore store = new ClickHouseEventStore(client);
        TrackedEvent event =
            new TrackedEvent(
                "demo",
                "P2P_Invest",
                "investor",
                Instant.parse("2026-11-01T08:00:00.123Z"),
                "insert-1",
                7L,
                Map.of(),
                Instant.parse("2026-11-01T08:00:01Z"));

        store.append(
            List.of(event, event),
            (project, property) -> {
              throw new AssertionError("no property should need a column");
            });

        assertThat(store.findUserEvents("demo", "investor", 10)).containsExactly(event);
        ProfileUpdate update =
            new ProfileUpdate(
                "demo",
                "investor",
                ProfileOperation.INCREMENT,
                Map.of("invest_count", 1L),
                event.time(),
                "insert-2",
                event.receivedAt());
        store.appendProfileUpdates(List.of(update, update));
        assertThat(store.findProfileUpdates("demo", List.of("investor"))).containsExactly(update);
        ItemUpdate item =
            new ItemUpdate(
                "demo",
                "product",
                "p-42",
                ItemOperation.SET,
                Map.of("name", "稳盈-90天"),
                event.time(),
                "insert-3",
                event.receivedAt());
        store.appendItemUpdates(List.of(item, item));
        assertThat(store.findItemUpdates("demo", "product", "p-42")).containsExactly(item);
        assertThat(
                client.query(
                    "SELECT engine FROM system.tables WHERE database = "
                        + ClickHouseSql.quote(database)
                        + " AND name = 'item_updates_demo'",
                    ClickHouseFormat.TAB_SEPARATED))
            .isEqualTo("Distributed\n");
        assertThat(
                client.query(
                    "SELECT engine FROM system.tables WHERE database = "
                        + ClickHouseSql.quote(database)
                        + " AND name = 'events_demo'",
                    ClickHouseFormat.TAB_SEPARATED))
            .isEqualTo("Distributed\n");
      } finally {
        client.executeOutsideDatabase("DROP DATABASE IF EXISTS " + database);
      }
    }
  }
}
