package dev.sextant.testsupport;

import org.opentest4j.TestAbortedException;

/**
 * What a test does when a real component (ClickHouse, Kafka, PostgreSQL, Chromium) cannot be
 * started: under {@code CI=true} it fails with a message naming what is missing and how to get
 * it; on a developer machine it is skipped with the same message, so that a partial setup can
 * still run the rest of the suite.
 */
public final class MissingComponent {

  private MissingComponent() {}

  /**
   * Fails or aborts the current test.
   *
   * @param component what could not be started, e.g. {@code "ClickHouse server"}
   * @param remedy how to make it available, e.g. {@code "apt-get install clickhou-server"}
   * @param cause why it failed, may be null
   */
  public static RuntimeException report(String component, String remedy, Throwable cause) {
    String message =
        component
            + " is not available for this test: "
            + (cause == null ? "not found" : cause.getMessage())
            + ". Remedy: "
            + remedy;
    if (isCi()) {
      return new IllegalStateException(message + " (CI=true: failing instead of skipping)", cause);
    }
    return new TestAbortedException(message, cause);
  }

  static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
