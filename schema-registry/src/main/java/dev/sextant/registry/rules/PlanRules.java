package dev.sextant.registry.rules;

import dev.sextant.registry.plan.TrackingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules every write of a plan must keep, checked all at once so that one answer lists every
 * problem: the naming rules of the plan on its own ({@link NamingRules}), and, when the project
 * already has a plan, the rules of a compatible change ({@link CompatibilityRules}). Pure: no I/O.
 */
public final class PlanRules {

  private PlanRules() {}

  /** Every rule the proposed plan breaks on its own; empty when it keeps them all. */
  public static List<PlanViolation> check(TrackingPlan proposed) {
    return NamingRules.check(proposed);
  }

  /**
   * Every rule the change from {@code current} (none for a new project) to {@code proposed} breaks;
   * empty when it may be saved.
   */
  public static List<PlanViolation> checkChange(
      Optional<TrackingPlan> current, TrackingPlan proposed) {
    List<PlanViolation> violations = new ArrayList<>(NamingRules.check(proposed));
    current.ifPresent(c -> violations.addAll(CompatibilityRules.check(c, proposed)));
    return List.copyOf(violations);
  }

  /** Throws when the change breaks a rule. */
  public static void requireValidChange(Optional<TrackingPlan> current, TrackingPlan proposed) {
    List<PlanViolation> violations = checkChange(current, proposed);
    if (!violations.isEmpty()) {
      throw new PlanRejectedException(proposed.project(), violations);
    }
  }
}
