package dev.sextant.testsupport.clickhouse;

import java.net.URI;
import java.util.Objects;

/**
 * The ClickHouse server a test class talks to, resolved as a parameter by {@link
 * ClickHouseExtension}.
 *
 * @param baseUrl the HTTP interface, e.g. {@code http://127.0.0.1:41234}, without a trailing slash
 * @param user the user to send, {@code default} unless configured otherwise
 * @param password the user's password, often empty
 * @param database a database created for this test class only and dropped after it
 */
public record ClickHouseTestServer(URI baseUrl, String user, String password, String database) {

  public ClickHouseTestServer {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(database, "database");
  }

  /** Keeps the password out of test reports. */
  @Override
  public String toString() {
    return "ClickHouseTestServer[" + baseUrl + ", user=" + user + ", database=" + database + "]";
  }
}
