package dev.sextant.collector.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  private final MovingClock clock = new MovingClock();
  private final RateLimits limits =
      new RateLimits(
          new Rate(100, 200), Map.of("small", new Rate(10, 10)), new Rate(2, 4), 1000, clock);

  @Test
  void aProjectMaySpendItsBurstAtOnceThenItsRate() {
    assertThat(limits.admitRecords("demo", 150)).isEqualTo(Admission.ADMITTED);
    assertThat(limits.admitRecords("demo", 50)).isEqualTo(Admission.ADMITTED);

    Admission refused = limits.admitRecords("demo", 50);
    assertThat(refused).isInstanceOf(Admission.Refused.class);
    assertThat(((Admission.Refused) refused).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(((Admission.Refused) refused).detail())
        .isEqualTo("more than 100 records per second for project 'demo'");

    clock.advance(Duration.ofMillis(500));
    assertThat(limits.admitRecords("demo", 50)).isEqualTo(Admission.ADMITTED);
  }

  @Test
  void aRefusedRequestTakesNothing() {
    limits.admitRecords("demo", 200);
    clock.advance(Duration.ofMillis(400));
    assertThat(limits.admitRecords("demo", 50)).isInstanceOf(Admission.Refused.class);

    // The 40 tokens of 400 ms are still there.
    assertThat(limits.admitRecords("demo", 40)).isEqualTo(Admission.ADMITTED);
  }

  @Test
  void retryAfterIsTheTimeUntilTheTokensAreBackRoundedUp() {
    limits.admitRecords("demo", 200);

    Admission refused = limits.admitRecords("demo", 150);

    assertThat(((Admission.Refused) refused).retryAfter()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void projectsHaveTheirOwnBucketsAndMayHaveTheirOwnRate() {
    assertThat(limits.admitRecords("demo", 200)).isEqualTo(Admission.ADMITTED);
    assertThat(limits.admitRecords("other", 200)).isEqualTo(Admission.ADMITTED);
    assertThat(limits.admitRecords("small", 10)).isEqualTo(Admission.ADMITTED);
    assertThat(limits.admitRecords("small", 1)).isInstanceOf(Admission.Refused.class);
  }

  @Test
  void aBatchLargerThanTheBurstTakesTheWholeBucketRatherThanNeverPassing() {
    assertThat(limits.admitRecords("small", 50)).isEqualTo(Admission.ADMITTED);
    assertThat(limits.admitRecords("small", 1)).isInstanceOf(Admission.Refused.class);
  }

  @Test
  void clientsAreCountedInRequests() {
    for (int i = 0; i < 4; i++) {
      assertThat(limits.admitRequest("198.51.100.7")).isEqualTo(Admission.ADMITTED);
    }
    Admission refused = limits.admitRequest("198.51.100.7");
    assertThat(refused).isInstanceOf(Admission.Refused.class);
    assertThat(((Admission.Refused) refused).detail())
        .isEqualTo("more than 2 requests per second from 198.51.100.7");
    assertThat(limits.admitRequest("198.51.100.8")).isEqualTo(Admission.ADMITTED);

    clock.advance(Duration.ofMillis(500));
    assertThat(limits.admitRequest("198.51.100.7")).isEqualTo(Admission.ADMITTED);
  }

  @Test
  void aZeroRateIsNoLimit() {
    RateLimits none = RateLimits.unlimited();
    for (int i = 0; i < 1000; i++) {
      assertThat(none.admitRecords("demo", 1_000_000)).isEqualTo(Admission.ADMITTED);
      assertThat(none.admitRequest("198.51.100.7")).isEqualTo(Admission.ADMITTED);
    }
  }

  @Test
  void aMissingBurstIsOneSecondsWorth() {
    assertThat(new Rate(50, 0).burst()).isEqualTo(50);
    assertThatThrownBy(() -> new Rate(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A clock the test moves by hand. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-11-25T02:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("tests use UTC");
    }
  }
}
