package dev.sextant.testsupport.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ClickHouseExtension.class)
class ClickHouseExtensionIT {

  private static ClickHouseTestServer seenByTheClass;

  @BeforeAll
  static void remember(ClickHouseTestServer server) {
    seenByTheClass = server;
  }

  @Test
  void givesARunningServerWithADatabaseForTheClass(ClickHouseTestServer server) throws Exception {
    assertThat(server).isEqualTo(seenByTheClass);
    assertThat(get(server.baseUrl() + "/ping")).isEqualTo("Ok.\n");
    assertThat(
            query(
                server,
                "SELECT count() FROM system.databases WHERE name = '" + server.database() + "'"))
        .isEqualTo("1\n");
  }

  @Test
  void startsAPrivateServerOnLoopbackUnlessOneIsConfigured(ClickHouseTestServer server) {
    if (System.getenv(SharedClickHouse.URL_VARIABLE) == null) {
      assertThat(server.baseUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(server.baseUrl().getPort()).isNotIn(8123, -1);
    }
  }

  @Test
  void givesEachTestClassItsOwnDatabaseOnOneServer(ClickHouseTestServer server) {
    SeenDatabases.record(ClickHouseExtensionIT.class, server);

    SeenDatabases.assertOneServerAndDistinctDatabases();
  }

  @Nested
  class NestedTests {

    @Test
    void shareTheDatabaseOfTheirEnclosingClass(ClickHouseTestServer server) throws Exception {
      assertThat(server).isEqualTo(seenByTheClass);
      assertThat(query(server, "SELECT currentDatabase()")).isEqualTo(server.database() + "\n");
    }
  }

  private static String get(String url) throws Exception {
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString())
          .body();
    }
  }

  private static String query(ClickHouseTestServer server, String sql) throws Exception {
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(server.baseUrl() + "/?database=" + server.database()))
              .header("X-ClickHouse-User", server.user())
              .header("X-ClickHouse-Key", server.password())
              .POST(HttpRequest.BodyPublishers.ofString(sql))
              .build();
      return http.send(request, BodyHandlers.ofString()).body();
    }
  }
}
