package dev.sextant.query.reference;

import static dev.sextant.query.reference.TestEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.RetentionAnalysis.CohortKind;
import dev.sextant.query.model.RetentionAnalysis.RetentionUnit;
import dev.sextant.query.model.RetentionResult;
import dev.sextant.query.model.TimeRange;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceRetentionTest {

  private static final ReferenceEngine ENGINE = ReferenceEngine.byDistinctId();
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
  private static final EventCriteria REGISTER = EventCriteria.named("Register");
  private static final EventCriteria INVEST = EventCriteria.named("Invest");

  @Test
  void periodZeroIsAReturnEventAnywhereInTheCohortPeriod() {
    List<TrackedEvent> events =
        List.of(
            anEvent("Register").by("u1").at("2026-01-05T10:00").build(),
            anEvent("Invest").by("u1").at("2026-01-05T09:00").build(), // before, same day
            anEvent("Register").by("u2").at("2026-01-05T10:00").build(),
            anEvent("Invest").by("u2").at("2026-01-06T00:00").build(), // next Shanghai day
            anEvent("Register").by("u3").at("2026-01-05T10:00").build(),
            anEvent("Invest").by("u3").at("2026-01-07T23:59").build());
    RetentionResult.Cohort monday =
        run(REGISTER, INVEST, RetentionUnit.DAY, 2, CohortKind.FIRST_TIME, oneDay(), events)
            .cohort(GroupKey.NONE, MONDAY);
    assertThat(monday.users()).isEqualTo(3);
    assertThat(monday.retained()).containsExactly(1L, 1L, 1L);
    assertThat(monday.rate(0)).isEqualByComparingTo("0.333333");
  }

  @Test
  void theSameInitialAndReturnEventRetainsEveryoneInPeriodZero() {
    List<TrackedEvent> events =
        List.of(
            anEvent("Login").by("u1").at("2026-01-05T10:00").build(),
            anEvent("Login").by("u2").at("2026-01-05T11:00").build(),
            anEvent("Login").by("u2").at("2026-01-06T11:00").build());
    EventCriteria login = EventCriteria.named("Login");
    RetentionResult.Cohort monday =
        run(login, login, RetentionUnit.DAY, 1, CohortKind.RECURRING, oneDay(), events)
            .cohort(GroupKey.NONE, MONDAY);
    assertThat(monday.retained()).containsExactly(2L, 1L);
  }

  @Test
  void firstTimeCohortsTakeOnlyTheFirstInitialEventEverWhileRecurringTakeEveryPeriod() {
    List<TrackedEvent> events =
        List.of(
            anEvent("Invest").by("old").at("2026-01-01T10:00").build(), // before the range
            anEvent("Invest").by("old").at("2026-01-05T10:00").build(),
            anEvent("Invest").by("old").at("2026-01-06T10:00").build(),
            anEvent("Invest").by("new").at("2026-01-05T10:00").build(),
            anEvent("Invest").by("new").at("2026-01-06T10:00").build());
    TimeRange twoDays = TimeRange.of(MONDAY, MONDAY.plusDays(1));
    RetentionResult firstTime =
        run(INVEST, INVEST, RetentionUnit.DAY, 1, CohortKind.FIRST_TIME, twoDays, events);
    assertThat(firstTime.cohort(GroupKey.NONE, MONDAY).users()).isEqualTo(1);
    assertThat(firstTime.cohort(GroupKey.NONE, MONDAY).retained()).containsExactly(1L, 1L);
    assertThat(firstTime.cohort(GroupKey.NONE, MONDAY.plusDays(1)).users()).isZero();
    RetentionResult recurring =
        run(INVEST, INVEST, RetentionUnit.DAY, 1, CohortKind.RECURRING, twoDays, events);
    assertThat(recurring.cohort(GroupKey.NONE, MONDAY).users()).isEqualTo(2);
    assertThat(recurring.cohort(GroupKey.NONE, MONDAY).retained()).containsExactly(2L, 2L);
    assertThat(recurring.cohort(GroupKey.NONE, MONDAY.plusDays(1)).users()).isEqualTo(2);
    assertThat(recurring.cohort(GroupKey.NONE, MONDAY.plusDays(1)).retained())
        .containsExactly(2L, 0L);
  }

  @Test
  void weeksStartOnMondayInTheZoneAndReturnsMayFallAfterTheRange() {
    List<TrackedEvent> events =
        List.of(
            anEvent("Register").by("u1").at("2026-01-07T10:00").build(), // Wednesday
            anEvent("Invest").by("u1").at("2026-01-12T00:00").build(), // next Monday 00:00
            anEvent("Register").by("u2").at("2026-01-11T23:59").build(), // Sunday
            anEvent("Invest").by("u2").at("2026-01-18T23:59").build()); // Sunday after
    RetentionResult result =
        run(
            REGISTER,
            INVEST,
            RetentionUnit.WEEK,
            2,
            CohortKind.FIRST_TIME,
            TimeRange.of(LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 11)),
            events);
    assertThat(result.cohorts()).hasSize(1);
    assertThat(result.cohort(GroupKey.NONE, MONDAY).users()).isEqualTo(2);
    assertThat(result.cohort(GroupKey.NONE, MONDAY).retained()).containsExactly(0L, 2L, 0L);
  }

  @Test
  void monthsAreCalendarMonths() {
    List<TrackedEvent> events =
        List.of(
            anEvent("Register").by("u1").at("2026-01-31T23:00").build(),
            anEvent("Invest").by("u1").at("2026-02-01T00:00").build(),
            anEvent("Invest").by("u1").at("2026-03-31T23:59").build());
    RetentionResult result =
        run(
            REGISTER,
            INVEST,
            RetentionUnit.MONTH,
            3,
            CohortKind.FIRST_TIME,
            TimeRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
            events);
    assertThat(result.cohort(GroupKey.NONE, LocalDate.of(2026, 1, 1)).retained())
        .containsExactly(0L, 1L, 1L, 0L);
  }

  @Test
  void groupsByThePropertyOfTheCohortsInitialEvent() {
    List<TrackedEvent> events =
        List.of(
            anEvent("Register").by("u1").at("2026-01-05T10:00").with("channel", "ad").build(),
            anEvent("Register").by("u1").at("2026-01-05T11:00").with("channel", "seo").build(),
            anEvent("Register").by("u2").at("2026-01-05T10:00").with("channel", "seo").build(),
            anEvent("Invest").by("u2").at("2026-01-06T10:00").build());
    RetentionResult result =
        ENGINE.run(
            new RetentionAnalysis(
                REGISTER, INVEST, RetentionUnit.DAY, 1, CohortKind.RECURRING, oneDay(), "channel"),
            events);
    assertThat(result.cohort(GroupKey.of("ad"), MONDAY).users()).isEqualTo(1);
    assertThat(result.cohort(GroupKey.of("seo"), MONDAY).users()).isEqualTo(1);
    assertThat(result.cohort(GroupKey.of("seo"), MONDAY).retained()).containsExactly(0L, 1L);
  }

  private static TimeRange oneDay() {
    return TimeRange.of(MONDAY, MONDAY);
  }

  private static RetentionResult run(
      EventCriteria initial,
      EventCriteria returning,
      RetentionUnit unit,
      int periods,
      CohortKind kind,
      TimeRange range,
      List<TrackedEvent> events) {
    return ENGINE.run(
        new RetentionAnalysis(initial, returning, unit, periods, kind, range, null), events);
  }
}
