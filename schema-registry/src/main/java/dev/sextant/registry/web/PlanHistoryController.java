package dev.sextant.registry.web;

import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.registry.storage.PlanVersionNotFoundException;
import dev.sextant.registry.storage.TrackingPlanNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A plan's versions: who changed what, when; and the plan as it was at each. */
@RestController
@RequestMapping("/api/v1/projects/{project}/plan/versions")
@Tag(name = "Tracking plan")
public class PlanHistoryController {

  static final int MAX_LIMIT = 1000;

  private final PlanStorage plans;

  public PlanHistoryController(PlanStorage plans) {
    this.plans = plans;
  }

  /** The answer: versions newest first. */
  public record PlanHistory(String project, List<PlanVersion> versions) {}

  @GetMapping
  @Operation(summary = "The plan's versions, newest first, each with its author and changes")
  public PlanHistory versions(
      @PathVariable String project, @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    List<PlanVersion> versions = plans.history(project, limit);
    if (versions.isEmpty()) {
      throw new TrackingPlanNotFoundException(project);
    }
    return new PlanHistory(project, versions);
  }

  @GetMapping("/{version}")
  @Operation(summary = "The plan as it was at a version")
  public TrackingPlan version(@PathVariable String project, @PathVariable long version) {
    return plans
        .find(project, version)
        .orElseThrow(() -> new PlanVersionNotFoundException(project, version));
  }
}
