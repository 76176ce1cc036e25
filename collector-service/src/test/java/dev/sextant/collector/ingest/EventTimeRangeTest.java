package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTimeRangeTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-25T02:00:00Z");

  private final EventTimeRange range =
      new EventTimeRange(Duration.ofDays(365), Duration.ofMinutes(10));

  @Test
  void acceptsTimesWithinTheRangeBoundsIncluded() {
    assertThat(range.check(RECEIVED, RECEIVED)).isEmpty();
    assertThat(range.check(RECEIVED.minus(Duration.ofDays(365)), RECEIVED)).isEmpty();
    assertThat(range.check(RECEIVED.plus(Duration.ofMinutes(10)), RECEIVED)).isEmpty();
  }

  @Test
  void refusesATimeTooFarInThePast() {
    assertThat(range.check(RECEIVED.minus(Duration.ofDays(365)).minusMillis(1), RECEIVED))
        .hasValueSatisfying(reason -> {
          assertThat(reason.code()).isEqualTo(QuarantineCode.TIME_OUT_OF_RANGE);
          assertThat(reason.path()).isEqualTo("time");
          assertThat(reason.message()).contains("before it was received");
        });
  }

  @Test
  void refusesATimeTooFarInTheFuture() {
    assertThat(range.check(RECEIVED.plus(Duration.ofMinutes(10)).plusMillis(1), RECEIVED))
        .map(QuarantineReason::message)
        .hasValueSatisfying(message -> assertThat(message).contains("after it was received"));
  }

  @Test
  void refusesTheEpochOfADeviceWhoseClockWasNeverSet() {
    assertThat(range.check(Instant.EPOCH, RECEIVED)).isPresent();
  }

  @Test
  void extremeTimesDoNotOverflow() {
    assertThat(range.check(Instant.ofEpochMilli(Long.MIN_VALUE), RECEIVED)).isPresent();
    assertThat(range.check(Instant.ofEpochMilli(Long.MAX_VALUE), RECEIVED)).isPresent();
    assertThat(EventTimeRange.UNBOUNDED.check(Instant.ofEpochMilli(Long.MIN_VALUE), RECEIVED))
        .isEmpty();
    assertThat(EventTimeRange.UNBOUNDED.check(Instant.ofEpochMilli(Long.MAX_VALUE), RECEIVED))
        .isEmpty();
  }

  @Test
  void aProjectMaySetItsOwnRange() {
    EventTimeRange backfill = new EventTimeRange(Duration.ofDays(3650), Duration.ofMinutes(10));
    EventTimeRanges ranges = new EventTimeRanges(range, Map.of("archive", backfill));

    assertThat(ranges.of("archive")).isEqualTo(backfill);
    assertThat(ranges.of("demo")).isEqualTo(range);
  }

  @Test
  void refusesANegativeBound() {
    assertThatThrownBy(() -> new EventTimeRange(Duration.ofDays(-1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
