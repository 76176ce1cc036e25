package dev.sextant.query.reference;

import static dev.sextant.query.reference.TestEvents.SHANGHAI;
import static dev.sextant.query.reference.TestEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.IdLink;
import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.EventWindow;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Frequency;
import dev.sextant.query.model.Frequency.Threshold;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.Segment;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.model.TimeRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@code docs/analyses.md}, "Segments", one per test. */
class ReferenceSegmentsTest {

  private static final ReferenceEngine ENGINE = ReferenceEngine.byDistinctId();
  private static final LocalDate AS_OF = LocalDate.of(2026, 1, 31);
  private static final EventCriteria VIEW = EventCriteria.named("View");
  private static final EventCriteria INVEST = EventCriteria.named("Invest");
  private static final EventWindow JANUARY =
      EventWindow.between(TimeRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));

  /** u1 viewed 3 times in January, u2 once, u3 only in February, u4 never (but is a user). */
  private static final List<TrackedEvent> VIEWS =
      List.of(
          anEvent("View").by("u1").at("2026-01-05T10:00").build(),
          anEvent("View").by("u1").at("2026-01-06T10:00").build(),
          anEvent("View").by("u1").at("2026-01-07T10:00").build(),
          anEvent("View").by("u2").at("2026-01-10T10:00").build(),
          anEvent("View").by("u3").at("2026-02-01T00:00").build(),
          anEvent("Share").by("u4").at("2026-01-10T10:00").build());

  private static List<String> members(SegmentRule rule, List<TrackedEvent> events) {
    return List.copyOf(ENGINE.members(new Segment(rule, AS_OF, SHANGHAI), events));
  }

  private static SegmentRule viewed(Threshold threshold, long times) {
    return new SegmentRule.Behaviour(true, VIEW, JANUARY, new Frequency.Count(threshold, times));
  }

  @Test
  void didMeansAtLeastOnceInTheWindow() {
    assertThat(members(SegmentRule.did(VIEW, JANUARY), VIEWS)).containsExactly("u1", "u2");
  }

  @Test
  void didNotIncludesEveryUserWithoutSuchAnEventInTheWindow() {
    assertThat(members(SegmentRule.didNot(VIEW, JANUARY), VIEWS)).containsExactly("u3", "u4");
  }

  @Test
  void theUniverseIsEveryUserWithAStoredEvent() {
    assertThat(members(SegmentRule.all(), VIEWS)).containsExactly("u1", "u2", "u3", "u4");
    assertThat(members(SegmentRule.all(), List.of())).isEmpty();
  }

  @Test
  void countThresholdsCompareTheNumberOfMatchingEvents() {
    assertThat(members(viewed(Threshold.AT_LEAST, 3), VIEWS)).containsExactly("u1");
    assertThat(members(viewed(Threshold.EXACTLY, 1), VIEWS)).containsExactly("u2");
    assertThat(members(viewed(Threshold.AT_MOST, 1), VIEWS)).containsExactly("u2", "u3", "u4");
    assertThat(members(viewed(Threshold.MORE_THAN, 1), VIEWS)).containsExactly("u1");
    assertThat(members(viewed(Threshold.LESS_THAN, 3), VIEWS)).containsExactly("u2", "u3", "u4");
  }

  @Test
  void atLeastZeroTimesHoldsForEveryUserAndExactlyZeroIsDidNot() {
    assertThat(members(viewed(Threshold.AT_LEAST, 0), VIEWS))
        .containsExactly("u1", "u2", "u3", "u4");
    assertThat(members(viewed(Threshold.EXACTLY, 0), VIEWS))
        .isEqualTo(members(SegmentRule.didNot(VIEW, JANUARY), VIEWS));
  }

  @Test
  void didNotNegatesTheWholeFrequency() {
    SegmentRule notThreeTimes =
        new SegmentRule.Behaviour(false, VIEW, JANUARY, new Frequency.Count(Threshold.AT_LEAST, 3));
    assertThat(members(notThreeTimes, VIEWS)).containsExactly("u2", "u3", "u4");
  }

  @Test
  void theWindowIncludesItsFirstInstantAndExcludesTheNextDay() {
    List<TrackedEvent> events =
        List.of(
            anEvent("View").by("first").at("2026-01-01T00:00").build(),
            anEvent("View").by("last").at(Instant.parse("2026-01-31T15:59:59.999Z")).build(),
            anEvent("View").by("after").at("2026-02-01T00:00").build(),
            anEvent("View").by("before").at(Instant.parse("2025-12-31T15:59:59.999Z")).build());
    assertThat(members(SegmentRule.did(VIEW, JANUARY), events)).containsExactly("first", "last");
  }

  @Test
  void aWindowWithoutEventsMakesDidEmptyAndDidNotEveryone() {
    EventWindow empty =
        EventWindow.between(TimeRange.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)));
    assertThat(members(SegmentRule.did(VIEW, empty), VIEWS)).isEmpty();
    assertThat(members(SegmentRule.didNot(VIEW, empty), VIEWS))
        .containsExactly("u1", "u2", "u3", "u4");
  }

  @Test
  void lastDaysEndsWithTheEvaluationDate() {
    // As of 2026-01-10, the last 5 days are 01-06 .. 01-10: u1's views of the 6th and 7th, u2's.
    SegmentRule twice =
        new SegmentRule.Behaviour(
            true, VIEW, EventWindow.lastDays(5), new Frequency.Count(Threshold.EXACTLY, 2));
    Segment segment = new Segment(twice, LocalDate.of(2026, 1, 10), SHANGHAI);
    assertThat(ENGINE.members(segment, VIEWS)).containsExactly("u1");
    Segment oneDay =
        new Segment(
            SegmentRule.did(VIEW, EventWindow.lastDays(1)), LocalDate.of(2026, 1, 10), SHANGHAI);
    assertThat(ENGINE.members(oneDay, VIEWS)).containsExactly("u2");
  }

  @Test
  void aFilterRestrictsTheCountedEvents() {
    List<TrackedEvent> events =
        List.of(
            anEvent("View").by("u1").with("page_id", "credit_report").build(),
            anEvent("View").by("u2").with("page_id", "home").build(),
            anEvent("View").by("u3").build());
    SegmentRule viewedCreditReport =
        SegmentRule.did(
            VIEW.where(Filter.where("page_id", Operator.EQ, Literal.of("credit_report"))),
            EventWindow.ever());
    assertThat(members(viewedCreditReport, events)).containsExactly("u1");
  }

  @Test
  void sumsAddTheNumberPropertyOfMatchingEventsAndZeroForNone() {
    List<TrackedEvent> events =
        List.of(
            anEvent("Invest").by("big").with("amount", new BigDecimal("600")).build(),
            anEvent("Invest").by("big").with("amount", new BigDecimal("400.5")).build(),
            anEvent("Invest").by("small").with("amount", new BigDecimal("99.99")).build(),
            anEvent("Invest").by("text").with("amount", "1000").build(),
            anEvent("View").by("none").build());
    assertThat(members(sum(Threshold.AT_LEAST, "1000"), events)).containsExactly("big");
    assertThat(members(sum(Threshold.EXACTLY, "1000.5"), events)).containsExactly("big");
    assertThat(members(sum(Threshold.LESS_THAN, "100"), events))
        .containsExactly("none", "small", "text");
    assertThat(members(sum(Threshold.AT_MOST, "0"), events)).containsExactly("none", "text");
    assertThat(members(sum(Threshold.MORE_THAN, "-1"), events))
        .containsExactly("big", "none", "small", "text");
  }

  private static SegmentRule sum(Threshold threshold, String value) {
    return new SegmentRule.Behaviour(
        true,
        INVEST,
        EventWindow.ever(),
        new Frequency.Sum("amount", threshold, new BigDecimal(value)));
  }

  @Test
  void firstDidLooksAtTheFirstMatchingEventOverTheWholeStore() {
    EventCriteria signUp = EventCriteria.named("SignUp");
    List<TrackedEvent> events =
        List.of(
            anEvent("SignUp").by("january").at("2026-01-20T10:00").build(),
            anEvent("SignUp").by("january").at("2026-02-20T10:00").build(),
            anEvent("SignUp").by("december").at("2025-12-31T23:59").build(),
            anEvent("SignUp").by("december").at("2026-01-02T10:00").build(),
            anEvent("View").by("never").at("2026-01-02T10:00").build());
    assertThat(members(new SegmentRule.FirstDid(signUp, JANUARY), events))
        .containsExactly("january");
    assertThat(members(new SegmentRule.FirstDid(signUp, EventWindow.ever()), events))
        .containsExactly("december", "january");
  }

  @Test
  void firstDidHonoursTheFilter() {
    EventCriteria succeeded =
        EventCriteria.named("SignUp")
            .where(Filter.where("result", Operator.EQ, Literal.of("success")));
    List<TrackedEvent> events =
        List.of(
            anEvent("SignUp").by("u1").at("2025-12-30T10:00").with("result", "fail").build(),
            anEvent("SignUp").by("u1").at("2026-01-03T10:00").with("result", "success").build());
    assertThat(members(new SegmentRule.FirstDid(succeeded, JANUARY), events)).containsExactly("u1");
  }

  @Test
  void groupsNestAndOr() {
    // (viewed at least twice OR viewed in February) AND never shared
    SegmentRule rule =
        SegmentRule.all(
            SegmentRule.any(
                viewed(Threshold.AT_LEAST, 2),
                SegmentRule.did(
                    VIEW,
                    EventWindow.between(
                        TimeRange.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))))),
            SegmentRule.didNot(EventCriteria.named("Share"), EventWindow.ever()));
    assertThat(members(rule, VIEWS)).containsExactly("u1", "u3");
    assertThat(members(SegmentRule.any(SegmentRule.all()), VIEWS)).hasSize(4);
  }

  @Test
  void membersAreUsersAfterIdMapping() {
    List<TrackedEvent> events =
        List.of(
            anEvent("View").by("anon-1").at("2026-01-05T10:00").build(),
            anEvent("View").by("login-1").at("2026-01-06T10:00").build());
    IdLink link = new IdLink("demo", "anon-1", "login-1", Instant.parse("2026-01-05T00:00:00Z"));
    ReferenceEngine linking = new ReferenceEngine(UserResolver.linking(List.of(link)));
    Segment twice = new Segment(viewed(Threshold.EXACTLY, 2), AS_OF, SHANGHAI);
    assertThat(linking.members(twice, events)).containsExactly("login-1");
    assertThat(linking.eventsOf(linking.members(twice, events), events)).hasSize(2);
  }
}
