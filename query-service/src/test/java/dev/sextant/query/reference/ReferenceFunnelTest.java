package dev.sextant.query.reference;

import static dev.sextant.query.reference.TestEvents.anEvent;
import static dev.sextant.query.reference.TestEvents.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.TimeRange;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceFunnelTest {

  private static final ReferenceEngine ENGINE = ReferenceEngine.byDistinctId();
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
  private static final TimeRange ONE_DAY = TimeRange.of(MONDAY, MONDAY);
  private static final List<EventCriteria> VIEW_REGISTER_INVEST =
      List.of(
          EventCriteria.named("View"),
          EventCriteria.named("Register"),
          EventCriteria.named("Invest"));

  @Test
  void countsUsersPerStepWithConversions() {
    List<TrackedEvent> events =
        List.of(
            anEvent("View").by("u1").at("2026-01-05T10:00").build(),
            anEvent("Register").by("u1").at("2026-01-05T10:05").build(),
            anEvent("Invest").by("u1").at("2026-01-05T10:20").build(),
            anEvent("View").by("u2").at("2026-01-05T11:00").build(),
            anEvent("Register").by("u2").at("2026-01-05T11:01").build(),
            anEvent("View").by("u3").at("2026-01-05T12:00").build(),
            anEvent("Invest").by("u3").at("2026-01-05T12:01").build(), // skipped Register
            anEvent("Register").by("u4").at("2026-01-05T12:00").build()); // no View
    FunnelResult.Group funnel = only(run(VIEW_REGISTER_INVEST, Duration.ofDays(1), events));
    assertThat(funnel.users()).containsExactly(3L, 2L, 1L);
    assertThat(funnel.stepConversion(2)).isEqualByComparingTo("0.666667");
    assertThat(funnel.stepConversion(3)).isEqualByComparingTo("0.5");
    assertThat(funnel.overallConversion()).isEqualByComparingTo("0.333333");
    // lower median of 5 min and 1 min is 1 min; one user from step 2 to 3 took 15 min
    assertThat(funnel.medianMillis()).containsExactly(60_000L, 900_000L);
  }

  @Test
  void theWindowBoundaryIsInclusive() {
    Duration window = Duration.ofHours(1);
    List<TrackedEvent> exactly =
        List.of(
            anEvent("View").at("2026-01-05T10:00").build(),
            anEvent("Register").at("2026-01-05T11:00").build());
    List<TrackedEvent> oneMilliLate =
        List.of(
            anEvent("View").at("2026-01-05T10:00").build(),
            anEvent("Register").at(shanghai("2026-01-05T11:00").plusMillis(1)).build());
    assertThat(only(run(VIEW_REGISTER_INVEST, window, exactly)).users())
        .containsExactly(1L, 1L, 0L);
    assertThat(only(run(VIEW_REGISTER_INVEST, window, oneMilliLate)).users())
        .containsExactly(1L, 0L, 0L);
  }

  @Test
  void equalTimestampsCountAsInOrderEitherWay() {
    List<TrackedEvent> events =
        List.of(
            anEvent("Register").at("2026-01-05T10:00").insertId("a").build(),
            anEvent("View").at("2026-01-05T10:00").insertId("b").build(),
            anEvent("Invest").at("2026-01-05T10:00").insertId("0").build());
    assertThat(only(run(VIEW_REGISTER_INVEST, Duration.ofHours(1), events)).users())
        .containsExactly(1L, 1L, 1L);
    assertThat(only(run(VIEW_REGISTER_INVEST, Duration.ofHours(1), events)).medianMillis())
        .containsExactly(0L, 0L);
  }

  @Test
  void oneEventMayFillConsecutiveStepsItMatches() {
    // Rule 5 (unlike ClickHouse's windowFunnel): a single "View" fills both View steps.
    List<EventCriteria> viewView =
        List.of(EventCriteria.named("View"), EventCriteria.named("View"));
    List<TrackedEvent> one = List.of(anEvent("View").at("2026-01-05T10:00").build());
    assertThat(only(run(viewView, Duration.ofHours(1), one)).users()).containsExactly(1L, 1L);
    // ... and a step-1 event that also meets step 3 does not skip step 2.
    List<TrackedEvent> noRegister =
        List.of(anEvent("View").at("2026-01-05T10:00").with("invest", true).build());
    List<EventCriteria> steps =
        List.of(
            EventCriteria.named("View"),
            EventCriteria.named("Register"),
            EventCriteria.named("View")
                .where(Filter.where("invest", Operator.EQ, Literal.of(true))));
    assertThat(only(run(steps, Duration.ofHours(1), noRegister)).users())
        .containsExactly(1L, 0L, 0L);
  }

  @Test
  void theChainStartsAtTheEarliestStepOneEventThatGetsFurthest() {
    // View at 10:00 cannot reach Register within 1 h; View at 12:00 can.
    List<TrackedEvent> events =
        List.of(
            anEvent("View").at("2026-01-05T10:00").with("theme", "red").build(),
            anEvent("View").at("2026-01-05T12:00").with("theme", "blue").build(),
            anEvent("View").at("2026-01-05T12:30").with("theme", "green").build(),
            anEvent("Register").at("2026-01-05T12:40").build());
    FunnelResult result =
        ENGINE.run(
            new FunnelAnalysis(VIEW_REGISTER_INVEST, Duration.ofHours(1), ONE_DAY, "theme"),
            events);
    assertThat(result.groups()).hasSize(1);
    assertThat(result.group(GroupKey.of("blue")).users()).containsExactly(1L, 1L, 0L);
    assertThat(result.group(GroupKey.of("blue")).medianMillis())
        .containsExactly(Duration.ofMinutes(40).toMillis(), null);
  }

  @Test
  void groupsByTheStepOneEventOfEachUsersChain() {
    List<TrackedEvent> events =
        List.of(
            anEvent("View").by("u1").at("2026-01-05T10:00").with("theme", "red").build(),
            anEvent("Register").by("u1").at("2026-01-05T10:01").build(),
            anEvent("View").by("u2").at("2026-01-05T10:00").with("theme", "blue").build(),
            anEvent("View").by("u3").at("2026-01-05T10:00").build());
    FunnelResult result =
        ENGINE.run(
            new FunnelAnalysis(VIEW_REGISTER_INVEST, Duration.ofHours(1), ONE_DAY, "theme"),
            events);
    assertThat(result.group(GroupKey.of("red")).users()).containsExactly(1L, 1L, 0L);
    assertThat(result.group(GroupKey.of("blue")).users()).containsExactly(1L, 0L, 0L);
    assertThat(result.group(GroupKey.of((Object) null)).users()).containsExactly(1L, 0L, 0L);
  }

  @Test
  void stepOneEventsAtTheSameTimeGroupByTheSmallerInsertId() {
    List<TrackedEvent> events =
        List.of(
            anEvent("View").at("2026-01-05T10:00").insertId("b").with("theme", "red").build(),
            anEvent("View").at("2026-01-05T10:00").insertId("a").with("theme", "blue").build(),
            anEvent("Register").at("2026-01-05T10:10").build());
    FunnelResult result =
        ENGINE.run(
            new FunnelAnalysis(VIEW_REGISTER_INVEST, Duration.ofHours(1), ONE_DAY, "theme"),
            events);
    assertThat(result.groups()).hasSize(1);
    assertThat(result.group(GroupKey.of("blue")).users()).containsExactly(1L, 1L, 0L);
  }

  @Test
  void stepOneMustBeInTheRangeButLaterStepsMayFollowIt() {
    List<TrackedEvent> events =
        List.of(
            anEvent("View").by("before").at("2026-01-04T23:59").build(),
            anEvent("Register").by("before").at("2026-01-05T00:01").build(),
            anEvent("View").by("late").at("2026-01-05T23:59").build(),
            anEvent("Register").by("late").at("2026-01-06T00:30").build());
    assertThat(only(run(VIEW_REGISTER_INVEST, Duration.ofHours(1), events)).users())
        .containsExactly(1L, 1L, 0L);
  }

  @Test
  void eachStepAppliesItsOwnFilter() {
    List<EventCriteria> steps =
        List.of(
            EventCriteria.named("View"),
            EventCriteria.named("Invest")
                .where(Filter.where("amount", Operator.GE, Literal.of(1000))));
    List<TrackedEvent> events =
        List.of(
            anEvent("View").by("small").at("2026-01-05T10:00").build(),
            anEvent("Invest").by("small").at("2026-01-05T10:01").with("amount", 999L).build(),
            anEvent("View").by("big").at("2026-01-05T10:00").build(),
            anEvent("Invest").by("big").at("2026-01-05T10:01").with("amount", 1000L).build());
    assertThat(only(run(steps, Duration.ofHours(1), events)).users()).containsExactly(2L, 1L);
  }

  @Test
  void anEmptyFunnelHasZerosAndNoMedians() {
    FunnelResult.Group funnel = only(run(VIEW_REGISTER_INVEST, Duration.ofHours(1), List.of()));
    assertThat(funnel.users()).containsExactly(0L, 0L, 0L);
    assertThat(funnel.medianMillis()).containsExactly(null, null);
    assertThat(funnel.overallConversion()).isNull();
  }

  private static FunnelResult run(
      List<EventCriteria> steps, Duration window, List<TrackedEvent> events) {
    return ENGINE.run(new FunnelAnalysis(steps, window, ONE_DAY, null), events);
  }

  private static FunnelResult.Group only(FunnelResult result) {
    assertThat(result.groups()).hasSize(1);
    return result.groups().getFirst();
  }
}
