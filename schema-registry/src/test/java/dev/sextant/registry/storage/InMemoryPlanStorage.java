package dev.sextant.registry.storage;

import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-written in-memory plan storage for tests, with the same version rules as the real one. */
public final class InMemoryPlanStorage implements PlanStorage {

  private final Clock clock;
  private final Map<String, List<TrackingPlan>> plans = new HashMap<>();
  private final Map<String, List<PlanVersion>> versions = new HashMap<>();
  private int saves;

  public InMemoryPlanStorage(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<TrackingPlan> find(String project) {
    List<TrackingPlan> all = plans.getOrDefault(project, List.of());
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
  }

  @Override
  public synchronized Optional<TrackingPlan> find(String project, long version) {
    return plans.getOrDefault(project, List.of()).stream()
        .filter(p -> p.version() == version)
        .findFirst();
  }

  @Override
  public synchronized List<PlanVersion> history(String project, int limit) {
    return versions.getOrDefault(project, List.of()).reversed().stream().limit(limit).toList();
  }

  @Override
  public synchronized PlanVersion save(PlanRevision revision) {
    TrackingPlan plan = revision.plan();
    long current = find(plan.project()).map(TrackingPlan::version).orElse(0L);
    if (current != plan.version()) {
      throw new PlanVersionConflictException(plan.project(), plan.version());
    }
    saves++;
    TrackingPlan saved = plan.withVersion(current + 1);
    PlanVersion version =
        new PlanVersion(
            plan.project(),
            saved.version(),
            revision.author(),
            clock.instant(),
            revision.changes());
    plans.computeIfAbsent(plan.project(), p -> new ArrayList<>()).add(saved);
    versions.computeIfAbsent(plan.project(), p -> new ArrayList<>()).add(version);
    return version;
  }

  /** How many versions were written, over all projects. */
  public synchronized int saves() {
    return saves;
  }
}
