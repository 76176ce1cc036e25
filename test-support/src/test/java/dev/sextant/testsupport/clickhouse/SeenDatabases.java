package dev.sextant.testsupport.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the ClickHouse test classes of this run were given, whichever of them runs first. */
final class SeenDatabases {

  private static final Map<Class<?>, ClickHouseTestServer> SEEN = new ConcurrentHashMap<>();

  private SeenDatabases() {}

  static void record(Class<?> testClass, ClickHouseTestServer server) {
    SEEN.put(testClass, server);
  }

  static void assertOneServerAndDistinctDatabases() {
    assertThat(SEEN.values().stream().map(ClickHouseTestServer::baseUrl).distinct()).hasSize(1);
    assertThat(SEEN.values().stream().map(ClickHouseTestServer::database).distinct())
        .hasSize(SEEN.size());
  }
}
