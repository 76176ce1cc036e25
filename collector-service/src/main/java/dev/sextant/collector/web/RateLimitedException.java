package dev.sextant.collector.web;

import java.time.Duration;

/** The sender is past its rate: nothing of the request was taken; it may retry after a while. */
public final class RateLimitedException extends RuntimeException {

  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
