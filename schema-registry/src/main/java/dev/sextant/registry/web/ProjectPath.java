package dev.sextant.registry.web;

import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.rules.PlanRejectedException;
import dev.sextant.registry.rules.PlanViolation;
import dev.sextant.registry.rules.ViolationCode;
import java.util.List;

/** The project in the path is the one a plan document is for. */
final class ProjectPath {

  private ProjectPath() {}

  /** A document may leave its project out; if it names one, it must be the path's. */
  static void requireSameProject(String project, TrackingPlan plan) {
    if (plan.project() != null && !plan.project().equals(project)) {
      throw new PlanRejectedException(
          project,
          List.of(
              new PlanViolation(
                  "project",
                  ViolationCode.PROJECT_MISMATCH,
                  "the plan is for project '"
                      + plan.project()
                      + "' but was sent to '"
                      + project
                      + "'")));
    }
  }
}
