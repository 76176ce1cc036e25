package dev.sextant.query.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.FunnelUsers.Outcome;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunnelUsersValidationTest {

  private static final FunnelAnalysis THREE_STEPS =
      new FunnelAnalysis(
          List.of(EventCriteria.named("A"), EventCriteria.named("B"), EventCriteria.named("C")),
          Duration.ofDays(1),
          TimeRange.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5)),
          null);

  @ParameterizedTest(name = "{1} at step {0}")
  @CsvSource({"0, REACHED", "4, REACHED", "-1, DROPPED", "4, DROPPED", "1, DROPPED"})
  void refusesAStepOutsideTheFunnelAndDroppingAtStepOne(int step, Outcome outcome) {
    assertThatThrownBy(() -> new FunnelUsers(THREE_STEPS, step, outcome, null))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("step"));
  }

  @ParameterizedTest(name = "{1} at step {0}")
  @CsvSource({"1, REACHED", "3, REACHED", "2, DROPPED", "3, DROPPED"})
  void acceptsEveryStepOfTheFunnel(int step, Outcome outcome) {
    assertThat(new FunnelUsers(THREE_STEPS, step, outcome, null).step()).isEqualTo(step);
  }

  @Test
  void refusesAGroupOfAnUngroupedFunnelOrWithOtherThanOneValue() {
    assertThatThrownBy(() -> new FunnelUsers(THREE_STEPS, 1, Outcome.REACHED, GroupKey.of("x")))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("group"));
    FunnelAnalysis grouped =
        new FunnelAnalysis(THREE_STEPS.steps(), THREE_STEPS.window(), THREE_STEPS.range(), "theme");
    assertThatThrownBy(() -> new FunnelUsers(grouped, 1, Outcome.REACHED, GroupKey.NONE))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("exactly one value");
    assertThat(new FunnelUsers(grouped, 1, Outcome.REACHED, GroupKey.of((Object) null)).group())
        .isEqualTo(GroupKey.of((Object) null));
  }

  @Test
  void aDroppedUserIsOneWhoseFurthestStepIsTheOneBefore() {
    assertThat(Outcome.DROPPED.holdsFor(1, 2)).isTrue();
    assertThat(Outcome.DROPPED.holdsFor(2, 2)).isFalse();
    assertThat(Outcome.DROPPED.holdsFor(0, 2)).isFalse();
    assertThat(Outcome.REACHED.holdsFor(3, 2)).isTrue();
    assertThat(Outcome.REACHED.holdsFor(1, 2)).isFalse();
  }
}
