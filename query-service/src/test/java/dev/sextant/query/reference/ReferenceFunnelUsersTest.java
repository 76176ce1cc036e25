package dev.sextant.query.reference;

import static dev.sextant.query.reference.TestEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.FunnelUsers.Outcome;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.TimeRange;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The drill-down of a funnel: which users its counts are made of ({@code docs/analyses.md}). */
class ReferenceFunnelUsersTest {

  private static final ReferenceEngine ENGINE = ReferenceEngine.byDistinctId();
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

  /** View, Register, Invest within a day, on Monday, by theme. */
  private static final FunnelAnalysis FUNNEL =
      new FunnelAnalysis(
          List.of(
              EventCriteria.named("View"),
              EventCriteria.named("Register"),
              EventCriteria.named("Invest")),
          Duration.ofDays(1),
          TimeRange.of(MONDAY, MONDAY),
          "theme");

  /** u1 invests, u2 registers, u3 and u5 only view (u5 without a theme), u4 has no View. */
  private static final List<TrackedEvent> EVENTS =
      List.of(
          anEvent("View").by("u1").at("2026-01-05T10:00").with("theme", "red").build(),
          anEvent("Register").by("u1").at("2026-01-05T10:05").build(),
          anEvent("Invest").by("u1").at("2026-01-05T10:20").build(),
          anEvent("View").by("u2").at("2026-01-05T11:00").with("theme", "blue").build(),
          anEvent("Register").by("u2").at("2026-01-05T11:01").build(),
          anEvent("View").by("u3").at("2026-01-05T12:00").with("theme", "red").build(),
          anEvent("Invest").by("u3").at("2026-01-05T12:01").build(),
          anEvent("Register").by("u4").at("2026-01-05T12:00").build(),
          anEvent("View").by("u5").at("2026-01-05T13:00").build());

  @ParameterizedTest(name = "{1} at step {0}: {2}")
  @CsvSource({
    "1, REACHED, u1 u2 u3 u5",
    "2, REACHED, u1 u2",
    "3, REACHED, u1",
    "2, DROPPED, u3 u5",
    "3, DROPPED, u2",
  })
  void listsTheUsersWhoseFurthestStepMeetsTheOutcome(int step, Outcome outcome, String users) {
    assertThat(ENGINE.users(new FunnelUsers(FUNNEL, step, outcome, null), EVENTS))
        .containsExactly(users.split(" "));
  }

  @Test
  void reachedUsersAreTheFunnelsCountAndDroppedUsersTheDifferenceOfTwoCounts() {
    FunnelResult funnel = ENGINE.run(FUNNEL, EVENTS);
    for (FunnelResult.Group group : funnel.groups()) {
      for (int step = 1; step <= 3; step++) {
        FunnelUsers reached = new FunnelUsers(FUNNEL, step, Outcome.REACHED, group.group());
        assertThat(ENGINE.users(reached, EVENTS)).hasSize(group.users().get(step - 1).intValue());
        if (step > 1) {
          FunnelUsers dropped = new FunnelUsers(FUNNEL, step, Outcome.DROPPED, group.group());
          assertThat(ENGINE.users(dropped, EVENTS))
              .hasSize((int) (group.users().get(step - 2) - group.users().get(step - 1)));
        }
      }
    }
  }

  @Test
  void aGroupKeepsTheUsersOfThatGroupOnlyAndNullIsNotSet() {
    assertThat(
            ENGINE.users(new FunnelUsers(FUNNEL, 1, Outcome.REACHED, GroupKey.of("red")), EVENTS))
        .containsExactly("u1", "u3");
    assertThat(
            ENGINE.users(
                new FunnelUsers(FUNNEL, 2, Outcome.DROPPED, GroupKey.of((Object) null)), EVENTS))
        .containsExactly("u5");
    assertThat(
            ENGINE.users(new FunnelUsers(FUNNEL, 1, Outcome.REACHED, GroupKey.of("pink")), EVENTS))
        .isEmpty();
  }

  @Test
  void aUserConvertingOnALaterAttemptHasTheGroupOfThatAttempt() {
    // The 10:00 View cannot reach Register within the hour; the 12:00 one does, so blue.
    FunnelAnalysis hour =
        new FunnelAnalysis(
            FUNNEL.steps().subList(0, 2), Duration.ofHours(1), FUNNEL.range(), "theme");
    List<TrackedEvent> events =
        List.of(
            anEvent("View").by("u1").at("2026-01-05T10:00").with("theme", "red").build(),
            anEvent("View").by("u1").at("2026-01-05T12:00").with("theme", "blue").build(),
            anEvent("Register").by("u1").at("2026-01-05T12:30").build());
    assertThat(ENGINE.users(new FunnelUsers(hour, 2, Outcome.REACHED, GroupKey.of("blue")), events))
        .containsExactly("u1");
    assertThat(ENGINE.users(new FunnelUsers(hour, 1, Outcome.REACHED, GroupKey.of("red")), events))
        .isEmpty();
  }
}
