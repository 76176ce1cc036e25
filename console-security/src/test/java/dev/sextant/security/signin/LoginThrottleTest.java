package dev.sextant.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = START;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final HandClock clock = new HandClock();
  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(10), clock);

  @Test
  void letsAKeyTryUntilItHasFailedTheMaximumWithinTheWindow() {
    throttle.recordFailure("u");
    throttle.recordFailure("u");
    assertThat(throttle.retryAfter("u")).isEmpty();

    throttle.recordFailure("u");

    assertThat(throttle.retryAfter("u")).contains(Duration.ofMinutes(10));
    assertThat(throttle.retryAfter("someone-else")).isEmpty();
  }

  @Test
  void waitsOnlyUntilTheOldestFailureLeavesTheWindow() {
    throttle.recordFailure("u");
    clock.advance(Duration.ofMinutes(4));
    throttle.recordFailure("u");
    throttle.recordFailure("u");

    assertThat(throttle.retryAfter("u")).contains(Duration.ofMinutes(6));
    clock.advance(Duration.ofMinutes(6));
    assertThat(throttle.retryAfter("u")).as("the first failure has left the window").isEmpty();
  }

  @Test
  void forgetsAKeyThatSucceeded() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("u");
    }

    throttle.recordSuccess("u");

    assertThat(throttle.retryAfter("u")).isEmpty();
  }

  @Test
  void countsUsernamesWithoutRegardToCaseAndAddressesTenTimesMoreLeniently() {
    SignInThrottles throttles =
        new SignInThrottles(
            new LoginThrottle(2, Duration.ofMinutes(10), clock),
            new LoginThrottle(2 * SignInThrottles.ADDRESS_FACTOR, Duration.ofMinutes(10), clock));

    throttles.failed("Admin", "10.0.0.1");
    throttles.failed("admin", "10.0.0.1");

    assertThat(throttles.retryAfter("ADMIN", "10.0.0.2")).isPresent();
    assertThat(throttles.retryAfter("other", "10.0.0.1"))
        .as("the address may fail 20 times")
        .isEmpty();
  }
}
