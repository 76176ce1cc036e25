package dev.sextant.registry.storage;

import dev.sextant.registry.plan.TrackingPlan;
import java.util.Optional;

/** Where tracking plans are kept: H2 in the embedded server, PostgreSQL when distributed. */
public interface PlanStorage {

  /** The current plan of a project, if it has one. */
  Optional<TrackingPlan> find(String project);

  /**
   * Saves a new version of a project's plan.
   *
   * @param plan the new content; its {@code version} is the version the change was based on (0 for
   *     a project without a plan)
   * @return the saved plan, with its new version
   * @throws PlanVersionConflictException when someone else saved a version in between
   */
  TrackingPlan save(TrackingPlan plan);
}
