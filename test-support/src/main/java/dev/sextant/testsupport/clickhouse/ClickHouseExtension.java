package dev.sextant.testsupport.clickhouse;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real ClickHouse server: resolves {@link ClickHouseTestServer} parameters of test
 * methods, constructors and lifecycle methods.
 *
 * <pre>{@code
 * @ExtendWith(ClickHouseExtension.class)
 * class SomethingIT {
 *   @Test
 *   void works(ClickHouseTestServer clickHouse) { ... clickHouse.baseUrl() ... }
 * }
 * }</pre>
 *
 * <p>One server serves the whole test run: the one {@code SEXTANT_TEST_CLICKHOUSE_URL} names (with
 * {@code SEXTANT_TEST_CLICKHOUSE_USER} and {@code SEXTANT_TEST_CLICKHOUSE_PASSWORD}), or else a
 * private {@code clickhouse-server} started from the installed package on free ports, stopped and
 * deleted when the run ends. Each test class gets a database of its own, dropped after the class.
 * If no server can be had the test fails (it is never skipped) naming the remedy.
 */
public final class ClickHouseExtension implements ParameterResolver {

  /**
   * A cluster of one shard (the server itself) that the private server defines, for tests of {@code
   * Distributed} tables. A server named by {@code SEXTANT_TEST_CLICKHOUSE_URL} must define it too
   * (in {@code remote_servers}).
   */
  public static final String TEST_CLUSTER = "sextant_test_cluster";

  static final String COMPONENT = "ClickHouse server";
  static final String REMEDY =
      "apt-get install clickhouse-server (Debian 12) or set "
          + SharedClickHouse.URL_VARIABLE
          + " to a running server's HTTP URL";

  private static final Namespace NAMESPACE = Namespace.create(ClickHouseExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ClickHouseTestServer.class;
  }

  @Override
  public ClickHouseTestServer resolveParameter(
      ParameterContext parameter, ExtensionContext context) {
    SharedClickHouse server =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(
                SharedClickHouse.class, key -> SharedClickHouse.start(), SharedClickHouse.class);
    ExtensionContext classContext = classContext(context);
    TestDatabase database =
        classContext
            .getStore(NAMESPACE)
            .computeIfAbsent(
                TestDatabase.class,
                key -> TestDatabase.create(server.endpoint(), classContext.getRequiredTestClass()),
                TestDatabase.class);
    return database.testServer();
  }

  /** The context of the test class: the database lives as long as the class. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
