package dev.sextant.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.EventWindow;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.model.TimeRange;
import dev.sextant.registry.plan.BusinessLine;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopedRequestsTest {

  private static final TrackingPlan PLAN =
      new TrackingPlan(
          "demo",
          1,
          null,
          List.of(
              new BusinessLine("p2p", "P2P_", "P2P", null, null),
              new BusinessLine("forex", "forex_", "外汇", null, null),
              new BusinessLine("platform", null, "公共平台", null, null)),
          List.of(
              event("P2P_Invest", "p2p"),
              event("P2P_Withdraw", "p2p"),
              event("forex_Follow", "forex"),
              event("Login", "platform"),
              event("$pageview", "platform")),
          List.of());

  private static final EventScope P2P_ANALYST = EventScope.of(PLAN, Set.of("p2p"));
  private static final TimeRange JANUARY =
      new TimeRange(
          LocalDate.of(2017, 1, 1),
          LocalDate.of(2017, 1, 31),
          java.time.ZoneId.of("Asia/Shanghai"));

  private static EventDefinition event(String name, String line) {
    return new EventDefinition(name, null, null, null, line, null, null, null, null);
  }

  @Test
  void allowsTheAnalystsLinesTheSharedLinesAndPresetEvents() {
    assertThat(P2P_ANALYST.allows("P2P_Invest")).isTrue();
    assertThat(P2P_ANALYST.allows("Login")).isTrue();
    assertThat(P2P_ANALYST.allows("$pageview")).isTrue();
    assertThat(P2P_ANALYST.allows("$AppStart")).as("a preset event not in the plan").isTrue();
    assertThat(P2P_ANALYST.allows("forex_Follow")).isFalse();
    assertThat(P2P_ANALYST.allows("NotInThePlan")).isFalse();
  }

  @Test
  void turnsAnyEventIntoEveryEventInScope() {
    EventAnalysis dau =
        new EventAnalysis(
            List.of(Metric.activeUsers()),
            Filter.none(),
            List.of(),
            JANUARY,
            Granularity.DAY,
            false);

    EventAnalysis confined = (EventAnalysis) ScopedRequests.confine(dau, P2P_ANALYST);

    assertThat(confined.metrics().getFirst().events().events())
        .containsExactly("$pageview", "Login", "P2P_Invest", "P2P_Withdraw");
    assertThat(confined.metrics().getFirst().measure())
        .isEqualTo(dau.metrics().getFirst().measure());
  }

  @Test
  void refusesAFunnelStepOfAnotherLineAndNamesIt() {
    FunnelAnalysis funnel =
        new FunnelAnalysis(
            List.of(EventCriteria.named("Login"), EventCriteria.named("forex_Follow")),
            Duration.ofDays(1),
            JANUARY,
            null);

    assertThatThrownBy(() -> ScopedRequests.confine(funnel, P2P_ANALYST))
        .isInstanceOfSatisfying(
            OutOfScopeException.class, e -> assertThat(e.events()).containsExactly("forex_Follow"));
  }

  @Test
  void refusesTheUsersOfAFunnelWithAStepOfAnotherLine() {
    FunnelAnalysis funnel =
        new FunnelAnalysis(
            List.of(EventCriteria.named("Login"), EventCriteria.named("forex_Follow")),
            Duration.ofDays(1),
            JANUARY,
            null);
    FunnelUsers users = new FunnelUsers(funnel, 1, FunnelUsers.Outcome.REACHED, null);

    assertThatThrownBy(() -> ScopedRequests.confine(users, P2P_ANALYST))
        .isInstanceOfSatisfying(
            OutOfScopeException.class, e -> assertThat(e.events()).containsExactly("forex_Follow"));
  }

  @Test
  void confinesTheAnyEventStepOfAFunnelsUsersToTheAnalystsEvents() {
    FunnelAnalysis funnel =
        new FunnelAnalysis(
            List.of(EventCriteria.named("Login"), EventCriteria.anyEvent()),
            Duration.ofDays(1),
            JANUARY,
            null);
    FunnelUsers users = new FunnelUsers(funnel, 2, FunnelUsers.Outcome.DROPPED, null);

    FunnelUsers confined = ScopedRequests.confine(users, P2P_ANALYST);

    assertThat(confined.funnel()).isEqualTo(ScopedRequests.confine(funnel, P2P_ANALYST));
    assertThat(confined.funnel().steps().get(1)).isNotEqualTo(EventCriteria.anyEvent());
    assertThat(confined.step()).isEqualTo(2);
    assertThat(confined.outcome()).isEqualTo(FunnelUsers.Outcome.DROPPED);
  }

  @Test
  void leavesARequestInScopeAsItWas() {
    FunnelAnalysis funnel =
        new FunnelAnalysis(
            List.of(EventCriteria.named("Login"), EventCriteria.named("P2P_Invest")),
            Duration.ofDays(1),
            JANUARY,
            null);

    assertThat(ScopedRequests.confine(funnel, P2P_ANALYST)).isEqualTo(funnel);
  }

  @Test
  void checksEveryRuleOfANestedSegmentAndRefusesAnyEventThere() {
    EventWindow window = new EventWindow.LastDays(30);
    SegmentRule inScope =
        new SegmentRule.AllOf(
            List.of(
                SegmentRule.did(EventCriteria.named("P2P_Invest"), window),
                SegmentRule.didNot(EventCriteria.named("Login"), window)));
    SegmentRule nested =
        new SegmentRule.AnyOf(
            List.of(inScope, SegmentRule.did(EventCriteria.named("forex_Follow"), window)));

    ScopedRequests.check(inScope, P2P_ANALYST);
    assertThatThrownBy(() -> ScopedRequests.check(nested, P2P_ANALYST))
        .isInstanceOf(OutOfScopeException.class)
        .hasMessageContaining("forex_Follow");
    assertThatThrownBy(() ->
            ScopedRequests.check(SegmentRule.did(EventCriteria.anyEvent(), window), P2P_ANALYST))
        .isInstanceOf(OutOfScopeException.class)
        .hasMessageContaining("any event");
  }
}
