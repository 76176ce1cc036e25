package dev.sextant.query.segments;

import dev.sextant.registry.plan.ProjectSettings;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import java.time.ZoneId;
import java.util.function.Function;

/** A project's time zone: its plan's {@code time_zone}, else the default (Asia/Shanghai). */
public final class ProjectZones implements Function<String, ZoneId> {

  private final PlanStorage plans;

  public ProjectZones(PlanStorage plans) {
    this.plans = plans;
  }

  @Override
  public ZoneId apply(String project) {
    return ZoneId.of(
        plans
            .find(project)
            .map(TrackingPlan::settings)
            .map(ProjectSettings::timeZone)
            .orElse(ProjectSettings.DEFAULT_TIME_ZONE));
  }
}
