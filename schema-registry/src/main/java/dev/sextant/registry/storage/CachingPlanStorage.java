package dev.sextant.registry.storage;

import dev.sextant.registry.plan.TrackingPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Serves plans from memory for a short time. The collector reads the plan for every request; the
 * plan changes rarely. In distributed mode other processes may change the plan, so entries expire
 * after {@code timeToLive}; changes made through this instance are visible at once.
 */
public final class CachingPlanStorage implements PlanStorage {

  private record Entry(Optional<TrackingPlan> plan, Instant loadedAt) {}

  private final PlanStorage delegate;
  private final Clock clock;
  private final Duration timeToLive;
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  public CachingPlanStorage(PlanStorage delegate, Clock clock, Duration timeToLive) {
    this.delegate = delegate;
    this.clock = clock;
    this.timeToLive = timeToLive;
  }

  @Override
  public Optional<TrackingPlan> find(String project) {
    Instant now = clock.instant();
    Entry entry = entries.get(project);
    if (entry == null || !entry.loadedAt().plus(timeToLive).isAfter(now)) {
      entry = new Entry(delegate.find(project), now);
      entries.put(project, entry);
    }
    return entry.plan();
  }

  @Override
  public TrackingPlan save(TrackingPlan plan) {
    try {
      TrackingPlan saved = delegate.save(plan);
      entries.put(plan.project(), new Entry(Optional.of(saved), clock.instant()));
      return saved;
    } catch (RuntimeException e) {
      entries.remove(plan.project());
      throw e;
    }
  }
}
