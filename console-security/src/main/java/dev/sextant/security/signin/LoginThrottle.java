package dev.sextant.security.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins for one key (a username,
 * or a client address) within {@code window}, further attempts for that key are refused until the
 * oldest of those failures leaves the window. A success clears the key. Memory is bounded: the
 * least recently failed keys are forgotten first.
 */
public final class LoginThrottle {

  private static final int MAX_KEYS = 100_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
          return size() > MAX_KEYS;
        }
      };

  public LoginThrottle(int maxFailures, Duration window, Clock clock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("maxFailures ≥ 1 and a positive window are needed");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long the key must wait before trying again; empty when it may try now. */
  public synchronized Optional<Duration> retryAfter(String key) {
    Deque<Instant> recent = recent(key);
    if (recent == null || recent.size() < maxFailures) {
      return Optional.empty();
    }
    Duration wait = Duration.between(clock.instant(), recent.peekFirst().plus(window));
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  public synchronized void recordFailure(String key) {
    Deque<Instant> recent = recent(key);
    if (recent == null) {
      recent = new ArrayDeque<>();
      failures.put(key, recent);
    }
    recent.addLast(clock.instant());
    while (recent.size() > maxFailures) {
      recent.removeFirst();
    }
  }

  public synchronized void recordSuccess(String key) {
    failures.remove(key);
  }

  private Deque<Instant> recent(String key) {
    Deque<Instant> recent = failures.get(key);
    if (recent == null) {
      return null;
    }
    Instant horizon = clock.instant().minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
      recent.removeFirst();
    }
    if (recent.isEmpty()) {
      failures.remove(key);
      return null;
    }
    return recent;
  }
}
