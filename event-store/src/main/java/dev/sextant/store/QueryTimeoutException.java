package dev.sextant.store;

import java.time.Duration;

/** An analysis query ran longer than it was allowed and was stopped. */
public final class QueryTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  public QueryTimeoutException(Duration timeout, Throwable cause) {
    super("the query ran longer than " + timeout + " and was stopped", cause);
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
