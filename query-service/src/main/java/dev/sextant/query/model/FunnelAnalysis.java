package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;
import static dev.sextant.query.model.InvalidQueryException.requirePropertyName;

import java.time.Duration;
import java.util.List;

/**
 * A funnel (漏斗分析): how far users get through ordered steps, each step within {@code window} of the
 * chain's step-1 event. The chain rule is in {@code docs/analyses.md}, "Funnels".
 *
 * @param steps 2 to {@value #MAX_STEPS} steps, each events with their own filter
 * @param window how long after its step-1 event a chain may end (inclusive), 1 minute to 180 days
 * @param range the local dates in which step-1 events are taken
 * @param groupBy a property of the step-1 event to group users by; null for none
 */
public record FunnelAnalysis(
    List<EventCriteria> steps, Duration window, TimeRange range, String groupBy)
    implements Analysis {

  public static final int MAX_STEPS = 16;
  public static final Duration MIN_WINDOW = Duration.ofMinutes(1);
  public static final Duration MAX_WINDOW = Duration.ofDays(180);

  public FunnelAnalysis {
    steps = List.copyOf(requirePresent(steps, "steps"));
    require(
        steps.size() >= 2 && steps.size() <= MAX_STEPS,
        "steps",
        "a funnel has 2 to " + MAX_STEPS + " steps");
    requirePresent(window, "window");
    require(
        window.compareTo(MIN_WINDOW) >= 0 && window.compareTo(MAX_WINDOW) <= 0,
        "window",
        "must be 1 minute to 180 days");
    require(window.toMillisPart() == 0 && window.getNano() == 0, "window", "whole seconds only");
    requirePresent(range, "range");
    if (groupBy != null) {
      requirePropertyName(groupBy, "groupBy");
    }
  }
}
