package dev.sextant.registry.storage;

import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves current plans from memory. The collector reads the plan for every request and the plan
 * changes rarely; in distributed mode other processes change it, so an entry is reloaded once it is
 * older than {@code timeToLive}. Changes saved through this instance are visible at once.
 *
 * <p>The reload runs on the {@code refresher} while requests go on with the entry they have, so a
 * slow or unreachable database never holds up a request once a plan has been loaded. When the
 * reload fails, the last known plan stays in service and the next try is one {@code timeToLive}
 * later: collectors keep validating with the plan they know while the registry is down. Only a
 * project never loaded before fails.
 */
public final class CachingPlanStorage implements PlanStorage {

  private static final Logger log = LoggerFactory.getLogger(CachingPlanStorage.class);

  private record Entry(Optional<TrackingPlan> plan, Instant loadedAt) {
    long version() {
      return plan.map(TrackingPlan::version).orElse(0L);
    }
  }

  private final PlanStorage delegate;
  private final Clock clock;
  private final Duration timeToLive;
  private final Executor refresher;
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

  /** Reloads in the calling thread. */
  public CachingPlanStorage(PlanStorage delegate, Clock clock, Duration timeToLive) {
    this(delegate, clock, timeToLive, Runnable::run);
  }

  public CachingPlanStorage(
      PlanStorage delegate, Clock clock, Duration timeToLive, Executor refresher) {
    this.delegate = delegate;
    this.clock = clock;
    this.timeToLive = timeToLive;
    this.refresher = refresher;
  }

  @Override
  public Optional<TrackingPlan> find(String project) {
    Entry entry = entries.get(project);
    if (entry == null) {
      return load(project).plan();
    }
    if (entry.loadedAt().plus(timeToLive).isAfter(clock.instant())) {
      return entry.plan();
    }
    if (refreshing.add(project)) {
      try {
        refresher.execute(() -> refresh(project));
      } catch (RejectedExecutionException e) {
        refreshing.remove(project);
        log.warn("Plan reload of project '{}' not started: {}", project, e.toString());
      }
    }
    // The reloaded entry if the refresher ran in this thread, else the one we had.
    return entries.getOrDefault(project, entry).plan();
  }

  @Override
  public Optional<TrackingPlan> find(String project, long version) {
    return delegate.find(project, version);
  }

  @Override
  public List<PlanVersion> history(String project, int limit) {
    return delegate.history(project, limit);
  }

  @Override
  public PlanVersion save(PlanRevision revision) {
    String project = revision.plan().project();
    try {
      PlanVersion saved = delegate.save(revision);
      keep(
          project,
          new Entry(Optional.of(revision.plan().withVersion(saved.version())), clock.instant()));
      return saved;
    } catch (RuntimeException e) {
      // Someone else may have saved: reload on the next read, but keep the plan as a fallback.
      entries.computeIfPresent(project, (p, old) -> new Entry(old.plan(), Instant.EPOCH));
      throw e;
    }
  }

  private Entry load(String project) {
    Entry loaded = new Entry(delegate.find(project), clock.instant());
    keep(project, loaded);
    return loaded;
  }

  private void refresh(String project) {
    try {
      load(project);
    } catch (RuntimeException e) {
      Entry stale =
          entries.computeIfPresent(project, (p, old) -> new Entry(old.plan(), clock.instant()));
      log.warn(
          "Could not reload the tracking plan of project '{}'; validating with version {} until"
              + " the next try in {}: {}",
          project,
          stale == null ? 0 : stale.version(),
          timeToLive,
          e.toString());
    } finally {
      refreshing.remove(project);
    }
  }

  /** Stores an entry, unless a newer version is already there (a save that raced a reload). */
  private void keep(String project, Entry entry) {
    entries.merge(
        project,
        entry,
        (old, loaded) ->
            old.version() > loaded.version() ? new Entry(old.plan(), loaded.loadedAt()) : loaded);
  }
}
