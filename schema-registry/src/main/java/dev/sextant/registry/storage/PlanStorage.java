package dev.sextant.registry.storage;

import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import java.util.List;
import java.util.Optional;

/**
 * Where tracking plans and their history are kept: H2 in the embedded server, PostgreSQL when
 * distributed. Every save is a new, immutable version. Storage checks nothing but the version: the
 * rules are {@code PlanRules}' job, before a save.
 */
public interface PlanStorage {

  /** The current plan of a project, if it has one. */
  Optional<TrackingPlan> find(String project);

  /** The plan as it was at a version, if the project has that version. */
  Optional<TrackingPlan> find(String project, long version);

  /** The project's versions, newest first, at most {@code limit}; empty for an unknown project. */
  List<PlanVersion> history(String project, int limit);

  /**
   * Saves a new version of a project's plan.
   *
   * @param revision the new content, its author and its changes; the plan's {@code version} is the
   *     version the change was based on (0 for a project without a plan)
   * @return the saved version, numbered one above the base
   * @throws PlanVersionConflictException when the base is not the current version
   */
  PlanVersion save(PlanRevision revision);
}
