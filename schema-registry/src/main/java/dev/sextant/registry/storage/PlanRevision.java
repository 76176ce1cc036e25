package dev.sextant.registry.storage;

import dev.sextant.registry.history.PlanChange;
import dev.sextant.registry.plan.TrackingPlan;
import java.util.List;
import java.util.Objects;

/**
 * A change to save.
 *
 * @param plan the new content; its {@code version} is the version the change is based on
 * @param author who makes the change
 * @param changes what it changes from the base version
 */
public record PlanRevision(TrackingPlan plan, String author, List<PlanChange> changes) {

  public PlanRevision {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(author, "author");
    changes = List.copyOf(changes);
  }
}
