package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClickHouseConnectionTest {

  private static final URI LOCAL = URI.create("http://127.0.0.1:8123");

  @Test
  void defaultsToTheDefaultUserAndModestTimeouts() {
    ClickHouseConnection connection = ClickHouseConnection.of(LOCAL, "sextant");

    assertThat(connection.user()).isEqualTo("default");
    assertThat(connection.password()).isEmpty();
    assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(connection.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void neverShowsThePassword() {
    ClickHouseConnection connection =
        ClickHouseConnection.of(LOCAL, "sextant").withCredentials("writer", "s3cret!");

    assertThat(connection.toString())
        .contains("writer", "sextant", "8123")
        .doesNotContain("s3cret");
  }

  @Test
  void dropsATrailingSlashAndKeepsAProxyPath() {
    assertThat(ClickHouseConnection.of(URI.create("http://ch:8123/"), "db").baseUrl())
        .isEqualTo(URI.create("http://ch:8123"));
    assertThat(ClickHouseConnection.of(URI.create("https://proxy/clickhouse/"), "db").baseUrl())
        .isEqualTo(URI.create("https://proxy/clickhouse"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "my-db", "db;DROP", "$db", "1db", "`db`"})
  void refusesDatabaseNamesThatAreNotPlainIdentifiers(String database) {
    assertThatThrownBy(() -> ClickHouseConnection.of(LOCAL, database))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://ch:8123",
        "http://ch:8123/?user=default",
        "http://default:pw@ch:8123",
        "ch:8123"
      })
  void refusesUrlsThatAreNotPlainHttpEndpoints(String url) {
    assertThatThrownBy(() -> ClickHouseConnection.of(URI.create(url), "db"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesTimeoutsThatAreNotPositive() {
    ClickHouseConnection connection = ClickHouseConnection.of(LOCAL, "db");

    assertThatThrownBy(() -> connection.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> connection.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
