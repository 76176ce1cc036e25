package dev.sextant.testsupport.clickhouse;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of one test class, dropped after it, so that test classes never see each other's
 * tables even on a shared external server. Kept in the test class's JUnit store.
 */
record TestDatabase(ClickHouseEndpoint endpoint, String name) implements AutoCloseable {

  private static final int MAX_CLASS_NAME_LENGTH = 40;

  static TestDatabase create(ClickHouseEndpoint endpoint, Class<?> testClass) {
    String name = nameFor(testClass, ThreadLocalRandom.current().nextInt() & 0x7fffffff);
    endpoint.execute("CREATE DATABASE " + name);
    return new TestDatabase(endpoint, name);
  }

  /** A readable, valid identifier: {@code sextant_<class>_<random>}. */
  static String nameFor(Class<?> testClass, int random) {
    String simple =
        testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    if (simple.length() > MAX_CLASS_NAME_LENGTH) {
      simple = simple.substring(0, MAX_CLASS_NAME_LENGTH);
    }
    return "sextant_" + simple + "_" + Integer.toHexString(random);
  }

  ClickHouseTestServer testServer() {
    return new ClickHouseTestServer(endpoint.baseUrl(), endpoint.user(), endpoint.password(), name);
  }

  @Override
  public void close() {
    endpoint.execute("DROP DATABASE IF EXISTS " + name);
  }
}
