package dev.sextant.testsupport;

/**
 * What a test does when a real component (ClickHouse, Kafka, PostgreSQL, Chromium) cannot be
 * started: it fails with a message naming what is missing and how to get it. It never skips: a
 * green run means every component really ran. The README's test command installs them all.
 */
public final class MissingComponent {

  private MissingComponent() {}

  /**
   * The exception to throw.
   *
   * @param component what could not be started, e.g. {@code "ClickHouse server"}
   * @param remedy how to make it available, e.g. {@code "apt-get install clickhouse-server"}
   * @param cause why it failed, may be null
   */
  public static IllegalStateException report(String component, String remedy, Throwable cause) {
    String reason = cause == null ? "not found" : cause.getMessage();
    return new IllegalStateException(
        component + " is not available for this test: " + reason + ". Remedy: " + remedy, cause);
  }
}
