package dev.sextant.importer;

import java.time.Duration;
import java.util.Optional;

/**
 * When to send a batch again. The collector says how long to wait when it is busy (429) or cannot
 * store (503), in {@code Retry-After}; a connection that failed is retried with doubling waits.
 * Hand-written rather than taken from a retry library: the wait comes from the server's header,
 * which the libraries' policies do not read, and this is all there is to it.
 */
record RetryPolicy(int maxAttempts, Duration firstWait, Duration longestWait) {

  static final RetryPolicy DEFAULT =
      new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30));

  RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
  }

  /** Whether an answer with this status is worth waiting for and sending again. */
  static boolean isTransient(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /**
   * How long to wait before attempt {@code attempt + 1}, after attempt {@code attempt} (from 1)
   * failed transiently; empty when no attempt is left.
   *
   * @param retryAfter the answer's {@code Retry-After} in seconds, if it sent one
   */
  Optional<Duration> waitAfter(int attempt, Optional<String> retryAfter) {
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    Duration told = retryAfter.flatMap(RetryPolicy::seconds).orElse(null);
    if (told != null) {
      return Optional.of(told.compareTo(longestWait) > 0 ? longestWait : told);
    }
    Duration doubled = firstWait.multipliedBy(1L << Math.min(attempt - 1, 20));
    return Optional.of(doubled.compareTo(longestWait) > 0 ? longestWait : doubled);
  }

  private static Optional<Duration> seconds(String header) {
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException httpDate) {
      // An HTTP date instead of seconds: the collector never sends one; use the back-off.
      return Optional.empty();
    }
  }
}
