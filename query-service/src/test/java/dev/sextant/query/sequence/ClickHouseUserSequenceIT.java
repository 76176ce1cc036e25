package dev.sextant.query.sequence;

import dev.sextant.query.ClickHouseTestClients;
import dev.sextant.store.EventStore;
import dev.sextant.store.clickhouse.ClickHouseEventStore;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The action sequence's filters and pages on a real ClickHouse server (18.16 here). */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseUserSequenceIT extends UserSequenceContract {

  private static ClickHouseHttpClient client;
  private static ClickHouseEventStore store;

  @BeforeAll
  static void loadStore(ClickHouseTestServer server) {
    client = ClickHouseTestClients.clientOf(server);
    store = new ClickHouseEventStore(client);
    load(store);
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  @Override
  protected EventStore store() {
    return store;
  }
}
