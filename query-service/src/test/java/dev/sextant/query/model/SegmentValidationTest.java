package dev.sextant.query.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.Frequency.Threshold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentValidationTest {

  private static final EventCriteria VIEW = EventCriteria.named("View");

  private static void refused(Runnable construction, String field) {
    assertThatThrownBy(construction::run)
        .isInstanceOf(InvalidQueryException.class)
        .extracting(e -> ((InvalidQueryException) e).field())
        .isEqualTo(field);
  }

  @Test
  void refusesNegativeAndHugeCounts() {
    refused(() -> new Frequency.Count(Threshold.AT_LEAST, -1), "times");
    refused(() -> new Frequency.Count(Threshold.AT_LEAST, Frequency.MAX_TIMES + 1), "times");
    refused(() -> new Frequency.Count(null, 1), "threshold");
  }

  @Test
  void refusesASumOfANonPropertyName() {
    refused(() -> new Frequency.Sum("a;drop", Threshold.AT_LEAST, BigDecimal.ONE), "property");
    refused(() -> new Frequency.Sum("amount", Threshold.AT_LEAST, null), "value");
  }

  @Test
  void refusesLastDaysOutsideOneToTenYears() {
    refused(() -> EventWindow.lastDays(0), "days");
    refused(() -> EventWindow.lastDays((int) TimeRange.MAX_DAYS + 1), "days");
  }

  @Test
  void refusesConditionsWithoutTheirParts() {
    refused(() -> new SegmentRule.Behaviour(true, null, EventWindow.ever(), null), "events");
    refused(() -> new SegmentRule.Behaviour(true, VIEW, null, Frequency.atLeastOnce()), "window");
    refused(() -> new SegmentRule.Behaviour(true, VIEW, EventWindow.ever(), null), "frequency");
    refused(() -> new SegmentRule.FirstDid(VIEW, null), "window");
    refused(() -> new Segment(null, LocalDate.of(2026, 1, 1), ZoneId.of("UTC")), "rule");
  }

  @Test
  void refusesAnEmptyOrGroupButTakesAnEmptyAndGroup() {
    refused(() -> new SegmentRule.AnyOf(List.of()), "rules");
    assertThat(new SegmentRule.AllOf(List.of()).depth()).isEqualTo(1);
  }

  @Test
  void refusesGroupsNestedTooDeepOrTooLarge() {
    SegmentRule rule = SegmentRule.did(VIEW, EventWindow.ever());
    for (int i = 0; i < SegmentRule.MAX_DEPTH; i++) {
      rule = SegmentRule.all(rule);
    }
    SegmentRule deep = rule;
    refused(() -> SegmentRule.any(deep), "rules[0]");
    List<SegmentRule> many =
        new ArrayList<>(
            Collections.nCopies(
                SegmentRule.MAX_MEMBERS + 1, SegmentRule.did(VIEW, EventWindow.ever())));
    refused(() -> new SegmentRule.AllOf(many), "rules");
  }

  @Test
  void knowsWhetherAUserWithoutEventsMeetsAFrequency() {
    assertThat(new Frequency.Count(Threshold.AT_LEAST, 0).holdsForNone()).isTrue();
    assertThat(new Frequency.Count(Threshold.AT_LEAST, 1).holdsForNone()).isFalse();
    assertThat(new Frequency.Count(Threshold.EXACTLY, 0).holdsForNone()).isTrue();
    assertThat(new Frequency.Count(Threshold.LESS_THAN, 1).holdsForNone()).isTrue();
    assertThat(
            new Frequency.Sum("amount", Threshold.MORE_THAN, new BigDecimal("-0.5")).holdsForNone())
        .isTrue();
    assertThat(new Frequency.Sum("amount", Threshold.MORE_THAN, BigDecimal.ZERO).holdsForNone())
        .isFalse();
  }

  @Test
  void lastDaysResolvesToTheDaysEndingWithTheEvaluationDate() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    assertThat(EventWindow.lastDays(7).resolve(LocalDate.of(2017, 2, 14), zone))
        .isEqualTo(new TimeRange(LocalDate.of(2017, 2, 8), LocalDate.of(2017, 2, 14), zone));
    assertThat(EventWindow.ever().resolve(LocalDate.of(2017, 2, 14), zone)).isNull();
  }
}
