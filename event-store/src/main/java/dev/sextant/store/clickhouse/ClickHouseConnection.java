package dev.sextant.store.clickhouse;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link ClickHouseHttpClient} reaches a server.
 *
 * @param baseUrl the HTTP interface, e.g. {@code http://clickhouse:8123}; a path (behind a proxy)
 *     is kept, a trailing slash is dropped
 * @param database the database statements run in
 * @param user sent in {@code X-ClickHouse-User}
 * @param password sent in {@code X-ClickHouse-Key}; never logged nor shown by {@link #toString()}
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long one statement may take, results included; past it the statement is
 *     cancelled on the server
 */
public record ClickHouseConnection(
    URI baseUrl,
    String database,
    String user,
    String password,
    Duration connectTimeout,
    Duration requestTimeout) {

  public static final String DEFAULT_USER = "default";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  public ClickHouseConnection {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    ClickHouseSql.identifier(database);
    if (database.startsWith("$")) {
      throw new IllegalArgumentException("a database name cannot start with $: " + database);
    }
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("baseUrl must be http or https: " + baseUrl);
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUrl must have no query and no user info (credentials go in user/password)");
    }
    baseUrl = withoutTrailingSlash(baseUrl);
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
  }

  /** A connection as the {@code default} user without password, with default timeouts. */
  public static ClickHouseConnection of(URI baseUrl, String database) {
    return new ClickHouseConnection(
        baseUrl, database, DEFAULT_USER, "", DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public ClickHouseConnection withDatabase(String database) {
    return new ClickHouseConnection(
        baseUrl, database, user, password, connectTimeout, requestTimeout);
  }

  public ClickHouseConnection withCredentials(String user, String password) {
    return new ClickHouseConnection(
        baseUrl, database, user, password, connectTimeout, requestTimeout);
  }

  public ClickHouseConnection withTimeouts(Duration connectTimeout, Duration requestTimeout) {
    return new ClickHouseConnection(
        baseUrl, database, user, password, connectTimeout, requestTimeout);
  }

  /** Leaves the password out: connections end up in logs and exception messages. */
  @Override
  public String toString() {
    return "ClickHouseConnection[baseUrl=%s, database=%s, user=%s, connectTimeout=%s, requestTimeout=%s]"
        .formatted(baseUrl, database, user, connectTimeout, requestTimeout);
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
