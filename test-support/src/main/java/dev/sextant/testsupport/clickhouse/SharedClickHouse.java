package dev.sextant.testsupport.clickhouse;

import dev.sextant.testsupport.MissingComponent;
import java.net.URI;

/**
 * The one ClickHouse server of a test run: the one {@code SEXTANT_TEST_CLICKHOUSE_URL} names, or a
 * private child process. Kept in JUnit's root store, which closes it when the run ends.
 *
 * <p>A failure to start is kept too, so that every test class reports it at once instead of waiting
 * for another start-up to fail.
 */
final class SharedClickHouse implements AutoCloseable {

  static final String URL_VARIABLE = "SEXTANT_TEST_CLICKHOUSE_URL";
  static final String USER_VARIABLE = "SEXTANT_TEST_CLICKHOUSE_USER";
  static final String PASSWORD_VARIABLE = "SEXTANT_TEST_CLICKHOUSE_PASSWORD";

  private final ClickHouseEndpoint endpoint;
  private final PrivateClickHouseServer process;
  private final RuntimeException failure;

  private SharedClickHouse(
      ClickHouseEndpoint endpoint, PrivateClickHouseServer process, RuntimeException failure) {
    this.endpoint = endpoint;
    this.process = process;
    this.failure = failure;
  }

  static SharedClickHouse start() {
    try {
      String url = System.getenv(URL_VARIABLE);
      if (url != null && !url.isBlank()) {
        return new SharedClickHouse(external(url), null, null);
      }
      // Where a Docker engine exists, a Testcontainers ClickHouse (a current image) would start
      // here, before falling back to the packaged 18.16 binary. No machine of ours has Docker yet.
      PrivateClickHouseServer server = PrivateClickHouseServer.start();
      return new SharedClickHouse(server.endpoint(), server, null);
    } catch (RuntimeException e) {
      return new SharedClickHouse(null, null, e);
    }
  }

  /** The server to talk to; throws the start-up failure if there is none. */
  ClickHouseEndpoint endpoint() {
    if (failure != null) {
      throw failure;
    }
    return endpoint;
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }

  private static ClickHouseEndpoint external(String url) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    ClickHouseEndpoint endpoint =
        new ClickHouseEndpoint(
            URI.create(base),
            environment(USER_VARIABLE, "default"),
            environment(PASSWORD_VARIABLE, ""));
    if (!endpoint.isUp()) {
      throw MissingComponent.report(
          ClickHouseExtension.COMPONENT,
          ClickHouseExtension.REMEDY,
          new IllegalStateException(URL_VARIABLE + "=" + base + " does not answer /ping"));
    }
    return endpoint;
  }

  private static String environment(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
