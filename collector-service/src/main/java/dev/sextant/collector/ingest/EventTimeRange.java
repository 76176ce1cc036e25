package dev.sextant.collector.ingest;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far an event's {@code time} may lie before or after the moment it is received. Older events
 * are usually a replay gone wrong or a device whose clock was never set (1970); events from the
 * future come from clocks set ahead, and would sit in tomorrow's charts.
 *
 * @param maxPast the oldest accepted time, counted back from reception
 * @param maxFuture the latest accepted time, counted forward from reception
 */
public record EventTimeRange(Duration maxPast, Duration maxFuture) {

  /** Accepts any time. */
  public static final EventTimeRange UNBOUNDED =
      new EventTimeRange(Duration.ofMillis(Long.MAX_VALUE), Duration.ofMillis(Long.MAX_VALUE));

  public EventTimeRange {
    if (maxPast.isNegative() || maxFuture.isNegative()) {
      throw new IllegalArgumentException(
          "an event time range must not be negative: past " + maxPast + ", future " + maxFuture);
    }
  }

  /** The reason to quarantine an event at {@code time} received at {@code receivedAt}, if any. */
  public Optional<QuarantineReason> check(Instant time, Instant receivedAt) {
    long ageMillis = ageMillis(time, receivedAt);
    if (ageMillis > millis(maxPast)) {
      return Optional.of(
          reason(time, "more than " + maxPast + " before it was received at " + receivedAt));
    }
    if (ageMillis < -millis(maxFuture)) {
      return Optional.of(
          reason(time, "more than " + maxFuture + " after it was received at " + receivedAt));
    }
    return Optional.empty();
  }

  /** Milliseconds from {@code time} to {@code receivedAt}, saturated at the long's bounds. */
  private static long ageMillis(Instant time, Instant receivedAt) {
    long received = receivedAt.toEpochMilli();
    long at = time.toEpochMilli();
    try {
      return Math.subtractExact(received, at);
    } catch (ArithmeticException overflow) {
      return at < received ? Long.MAX_VALUE : -Long.MAX_VALUE;
    }
  }

  private static long millis(Duration duration) {
    // The unbounded range's durations do not fit toMillis() arithmetic elsewhere; cap them here.
    return duration.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0
        ? Long.MAX_VALUE
        : duration.toMillis();
  }

  private static QuarantineReason reason(Instant time, String why) {
    return new QuarantineReason(
        QuarantineCode.TIME_OUT_OF_RANGE, "time", "the event time " + time + " is " + why);
  }
}
