package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;

/**
 * A funnel's drill-down (漏斗用户明细): the users who reached, or dropped at, one step of a funnel,
 * optionally of one of its groups. The rule is in {@code docs/analyses.md}, "Funnel users".
 *
 * @param funnel the funnel, exactly as for its counts
 * @param step the step, 1-based, 1 to the funnel's number of steps ({@link Outcome#DROPPED}: 2 or
 *     more)
 * @param outcome whether the users reached the step or dropped at it
 * @param group the one group of a grouped funnel the users must belong to (one value, null when not
 *     set); null for the users of every group
 */
public record FunnelUsers(FunnelAnalysis funnel, int step, Outcome outcome, GroupKey group) {

  /** Which users of a step. */
  public enum Outcome {
    /** The user's furthest step is at or after the step: counted in {@code users[step]}. */
    REACHED,
    /** The user's furthest step is the one before: counted at step - 1 but not at the step. */
    DROPPED;

    /** Whether a user whose furthest step is {@code level} (1-based) is of this outcome. */
    public boolean holdsFor(int level, int step) {
      return switch (this) {
        case REACHED -> level >= step;
        case DROPPED -> level == step - 1;
      };
    }
  }

  public FunnelUsers {
    requirePresent(funnel, "funnel");
    requirePresent(outcome, "outcome");
    int steps = funnel.steps().size();
    require(step >= 1 && step <= steps, "step", "must be 1 to " + steps + ", the funnel's steps");
    require(
        outcome != Outcome.DROPPED || step >= 2,
        "step",
        "users drop at step 2 or later: a user without step 1 is not in the funnel");
    if (group != null) {
      require(funnel.groupBy() != null, "group", "the funnel has no group_by");
      require(group.values().size() == 1, "group", "a funnel group has exactly one value");
    }
  }
}
