package dev.sextant.query.access;

import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.model.SessionAnalysis;

/**
 * Rewrites a request so that it reads only events in an analyst's scope: every event criterion of
 * every kind of analysis and segment rule goes through {@link EventScope#confine}. The switches are
 * exhaustive, so a new kind of request cannot slip past unconfined.
 */
public final class ScopedRequests {

  private ScopedRequests() {}

  public static Analysis confine(Analysis analysis, EventScope scope) {
    return switch (analysis) {
      case EventAnalysis events ->
          new EventAnalysis(
              events.metrics().stream()
                  .map(metric -> new Metric(scope.confine(metric.events()), metric.measure()))
                  .toList(),
              events.filter(),
              events.groupBy(),
              events.range(),
              events.granularity(),
              events.compareWithPrevious());
      case SessionAnalysis sessions ->
          new SessionAnalysis(
              scope.confine(sessions.events()),
              scope.confine(sessions.pageViews()),
              sessions.pageProperty(),
              sessions.timeout(),
              sessions.range(),
              sessions.granularity());
      case FunnelAnalysis funnel ->
          new FunnelAnalysis(
              funnel.steps().stream().map(scope::confine).toList(),
              funnel.window(),
              funnel.range(),
              funnel.groupBy());
      case RetentionAnalysis retention ->
          new RetentionAnalysis(
              scope.confine(retention.initial()),
              scope.confine(retention.returning()),
              retention.unit(),
              retention.periods(),
              retention.cohorts(),
              retention.range(),
              retention.groupBy());
      case DistributionAnalysis distribution -> confine(distribution, scope);
    };
  }

  /** A funnel's drill-down reads what its funnel reads, confined the same way. */
  public static FunnelUsers confine(FunnelUsers users, EventScope scope) {
    return new FunnelUsers(
        (FunnelAnalysis) confine(users.funnel(), scope),
        users.step(),
        users.outcome(),
        users.group());
  }

  private static DistributionAnalysis confine(DistributionAnalysis analysis, EventScope scope) {
    return switch (analysis) {
      case DistributionAnalysis.EventsPerUser perUser ->
          new DistributionAnalysis.EventsPerUser(
              scope.confine(perUser.events()), perUser.range(), perUser.bounds());
      case DistributionAnalysis.HourOfDay hours ->
          new DistributionAnalysis.HourOfDay(scope.confine(hours.events()), hours.range());
      case DistributionAnalysis.DayOfWeek days ->
          new DistributionAnalysis.DayOfWeek(scope.confine(days.events()), days.range());
      case DistributionAnalysis.Histogram histogram ->
          new DistributionAnalysis.Histogram(
              scope.confine(histogram.events()),
              histogram.property(),
              histogram.range(),
              histogram.bounds());
    };
  }

  /** Checks a rule that is stored as it was written: see {@link EventScope#requireNamedInScope}. */
  public static void check(SegmentRule rule, EventScope scope) {
    switch (rule) {
      case SegmentRule.Behaviour behaviour -> scope.requireNamedInScope(behaviour.events());
      case SegmentRule.FirstDid first -> scope.requireNamedInScope(first.events());
      case SegmentRule.AllOf all -> all.rules().forEach(r -> check(r, scope));
      case SegmentRule.AnyOf any -> any.rules().forEach(r -> check(r, scope));
    }
  }

  public static SegmentRule confine(SegmentRule rule, EventScope scope) {
    return switch (rule) {
      case SegmentRule.Behaviour behaviour ->
          new SegmentRule.Behaviour(
              behaviour.done(),
              scope.confine(behaviour.events()),
              behaviour.window(),
              behaviour.frequency());
      case SegmentRule.FirstDid first ->
          new SegmentRule.FirstDid(scope.confine(first.events()), first.window());
      case SegmentRule.AllOf all ->
          new SegmentRule.AllOf(all.rules().stream().map(r -> confine(r, scope)).toList());
      case SegmentRule.AnyOf any ->
          new SegmentRule.AnyOf(any.rules().stream().map(r -> confine(r, scope)).toList());
    };
  }
}
