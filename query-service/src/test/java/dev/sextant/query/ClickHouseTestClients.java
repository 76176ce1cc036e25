package dev.sextant.query;

import dev.sextant.store.clickhouse.ClickHouseConnection;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;

/** A client of the test class's own ClickHouse database, with its credentials. */
public final class ClickHouseTestClients {

  private ClickHouseTestClients() {}

  public static ClickHouseHttpClient clientOf(ClickHouseTestServer server) {
    return new ClickHouseHttpClient(
        ClickHouseConnection.of(server.baseUrl(), server.database())
            .withCredentials(server.user(), server.password()));
  }
}
