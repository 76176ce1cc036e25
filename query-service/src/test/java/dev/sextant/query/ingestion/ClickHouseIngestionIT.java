package dev.sextant.query.ingestion;

import dev.sextant.query.ClickHouseTestClients;
import dev.sextant.store.EventQueries;
import dev.sextant.store.clickhouse.ClickHouseEventStore;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ingestion report on a real ClickHouse server (18.16 here). */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseIngestionIT extends IngestionContract {

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
  protected EventQueries queries() {
    return store;
  }
}
