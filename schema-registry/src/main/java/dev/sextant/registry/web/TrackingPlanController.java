package dev.sextant.registry.web;

import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.registry.storage.TrackingPlanNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads and replaces a project's tracking plan. */
@RestController
@RequestMapping("/api/v1/projects/{project}/plan")
public class TrackingPlanController {

  private final PlanStorage plans;

  public TrackingPlanController(PlanStorage plans) {
    this.plans = plans;
  }

  @GetMapping
  public TrackingPlan current(@PathVariable String project) {
    return plans.find(project).orElseThrow(() -> new TrackingPlanNotFoundException(project));
  }

  /**
   * Saves a new version. The body's {@code version} is the version the change is based on (0 for a
   * new project); a stale version is answered with 409.
   */
  @PutMapping
  public TrackingPlan replace(@PathVariable String project, @RequestBody TrackingPlan plan) {
    if (!plan.project().equals(project)) {
      throw new IllegalArgumentException(
          "the plan is for project '" + plan.project() + "' but was sent to '" + project + "'");
    }
    return plans.save(plan);
  }
}
