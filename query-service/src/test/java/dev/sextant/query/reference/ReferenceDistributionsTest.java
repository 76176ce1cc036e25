package dev.sextant.query.reference;

import static dev.sextant.query.reference.TestEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.DistributionResult;
import dev.sextant.query.model.DistributionResult.Bucket;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.TimeRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceDistributionsTest {

  private static final ReferenceEngine ENGINE = ReferenceEngine.byDistinctId();
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
  private static final TimeRange WEEK = TimeRange.of(MONDAY, MONDAY.plusDays(6));
  private static final EventCriteria MESSAGE = EventCriteria.named("SendMessage");

  @Test
  void bucketsUsersByTheirNumberOfEvents() {
    List<TrackedEvent> events =
        List.of(
            anEvent("SendMessage").by("one").at("2026-01-05T10:00").build(),
            anEvent("SendMessage").by("two").at("2026-01-05T10:00").build(),
            anEvent("SendMessage").by("two").at("2026-01-06T10:00").build(),
            anEvent("SendMessage").by("five").at("2026-01-05T10:00").build(),
            anEvent("SendMessage").by("five").at("2026-01-05T10:01").build(),
            anEvent("SendMessage").by("five").at("2026-01-05T10:02").build(),
            anEvent("SendMessage").by("five").at("2026-01-05T10:03").build(),
            anEvent("SendMessage").by("five").at("2026-01-05T10:04").build(),
            anEvent("SendMessage").by("outside").at("2026-01-12T10:00").build());
    DistributionResult result =
        ENGINE.run(new DistributionAnalysis.EventsPerUser(MESSAGE, WEEK, List.of(2L, 5L)), events);
    assertThat(result.buckets())
        .containsExactly(
            new Bucket(BigDecimal.ONE, BigDecimal.TWO, 1, 1),
            new Bucket(BigDecimal.TWO, BigDecimal.valueOf(5), 2, 1),
            new Bucket(BigDecimal.valueOf(5), null, 5, 1));
  }

  @Test
  void countsByLocalHourOfDay() {
    // 2026-01-04T16:30Z is 00:30 on Monday in Shanghai.
    List<TrackedEvent> events =
        List.of(
            anEvent("SendMessage").by("u1").at(Instant.parse("2026-01-04T16:30:00Z")).build(),
            anEvent("SendMessage").by("u1").at("2026-01-05T00:59").build(),
            anEvent("SendMessage").by("u2").at("2026-01-05T23:00").build());
    List<Bucket> buckets =
        ENGINE.run(new DistributionAnalysis.HourOfDay(MESSAGE, WEEK), events).buckets();
    assertThat(buckets).hasSize(24);
    assertThat(buckets.get(0)).isEqualTo(new Bucket(BigDecimal.ZERO, BigDecimal.ONE, 2, 1));
    assertThat(buckets.get(23).events()).isEqualTo(1);
    assertThat(buckets.get(16).events()).isZero();
  }

  @Test
  void countsByLocalDayOfWeekFromMonday() {
    List<TrackedEvent> events =
        List.of(
            anEvent("SendMessage").at("2026-01-05T00:00").build(), // Monday
            anEvent("SendMessage").at("2026-01-11T23:59").build()); // Sunday
    List<Bucket> buckets =
        ENGINE.run(new DistributionAnalysis.DayOfWeek(MESSAGE, WEEK), events).buckets();
    assertThat(buckets).extracting(Bucket::events).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
    assertThat(buckets.getFirst().from()).isEqualByComparingTo("1");
  }

  @Test
  void histogramsHaveOpenEndsAndSkipNonNumbers() {
    List<TrackedEvent> events =
        List.of(
            anEvent("SendMessage").with("amount", -5L).build(),
            anEvent("SendMessage").with("amount", 0L).build(),
            anEvent("SendMessage").with("amount", new BigDecimal("99.99")).build(),
            anEvent("SendMessage").with("amount", 100L).build(),
            anEvent("SendMessage").with("amount", "100").build(),
            anEvent("SendMessage").build());
    DistributionResult result =
        ENGINE.run(
            new DistributionAnalysis.Histogram(
                MESSAGE, "amount", WEEK, List.of(BigDecimal.ZERO, BigDecimal.valueOf(100))),
            events.stream().map(e -> TestEvents.retimed(e, "2026-01-05T10:00")).toList());
    assertThat(result.buckets())
        .containsExactly(
            new Bucket(null, BigDecimal.ZERO, 1, 1),
            new Bucket(BigDecimal.ZERO, BigDecimal.valueOf(100), 2, 1),
            new Bucket(BigDecimal.valueOf(100), null, 1, 1));
  }
}
