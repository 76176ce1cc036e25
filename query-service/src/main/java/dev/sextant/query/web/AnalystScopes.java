package dev.sextant.query.web;

import dev.sextant.query.access.EventScope;
import dev.sextant.query.access.ScopedRequests;
import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.security.access.ConsoleActor;
import dev.sextant.security.access.ConsoleActors;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Confines the requests of an analyst to the events of their business lines (and the shared ones),
 * on the server, whatever the console sends. Everyone else's requests pass unchanged, as do all
 * requests where console security is not wired in (the query engine used as a library).
 */
public final class AnalystScopes {

  private final ObjectProvider<ConsoleActors> actors;
  private final PlanStorage plans;

  public AnalystScopes(ObjectProvider<ConsoleActors> actors, PlanStorage plans) {
    this.actors = actors;
    this.plans = plans;
  }

  public Analysis confine(String project, Analysis analysis) {
    return scope(project).map(scope -> ScopedRequests.confine(analysis, scope)).orElse(analysis);
  }

  /** A funnel's drill-down, confined like its funnel. */
  public FunnelUsers confine(String project, FunnelUsers users) {
    return scope(project).map(scope -> ScopedRequests.confine(users, scope)).orElse(users);
  }

  /** Checks a segment rule, which is stored as written and so must be in scope as it is. */
  public void check(String project, SegmentRule rule) {
    scope(project).ifPresent(scope -> ScopedRequests.check(rule, scope));
  }

  private Optional<EventScope> scope(String project) {
    ConsoleActors known = actors.getIfAvailable();
    Optional<ConsoleActor> actor = known == null ? Optional.empty() : known.current();
    if (actor.isEmpty() || actor.get().seesAllBusinessLines()) {
      return Optional.empty();
    }
    // No plan, no business lines: only the SDKs' preset events are in an analyst's scope.
    TrackingPlan plan =
        plans
            .find(project)
            .orElseGet(() -> new TrackingPlan(project, 0, null, List.of(), List.of(), List.of()));
    return Optional.of(EventScope.of(plan, actor.get().businessLines()));
  }
}
