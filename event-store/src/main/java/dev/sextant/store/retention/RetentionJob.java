package dev.sextant.store.retention;

import dev.sextant.store.EventStore;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a {@link RetentionPolicy}: drops, for every project with a retention, the months before
 * its first kept month. Idempotent, so several processes (query service replicas) may run it.
 */
public final class RetentionJob {

  private final EventStore store;
  private final RetentionPolicy policy;
  private final Clock clock;

  public RetentionJob(EventStore store, RetentionPolicy policy, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  /** Drops what is due now; answers the months dropped per project (only those that had any). */
  public Map<String, List<YearMonth>> run() {
    Map<String, List<YearMonth>> dropped = new LinkedHashMap<>();
    for (String project : policy.keepMonths().keySet().stream().sorted().toList()) {
      Optional<YearMonth> firstKept = policy.firstKeptMonth(project, clock.instant());
      if (firstKept.isPresent()) {
        List<YearMonth> months = store.dropMonthsBefore(project, firstKept.get());
        if (!months.isEmpty()) {
          dropped.put(project, months);
        }
      }
    }
    return dropped;
  }
}
