package dev.sextant.query.segments;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the segments whose hourly or daily snapshot is due ({@link SegmentService#refreshDue}),
 * checking every {@code period} on one daemon thread. A failed check is logged and retried at the
 * next one; it never stops the schedule.
 */
public final class SnapshotScheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SnapshotScheduler.class);

  private final SegmentService segments;
  private final ProjectZones zones;
  private final Duration period;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().daemon().name("segment-snapshots").unstarted(runnable));

  public SnapshotScheduler(SegmentService segments, ProjectZones zones, Duration period) {
    this.segments = segments;
    this.zones = zones;
    this.period = period;
  }

  public void start() {
    executor.scheduleWithFixedDelay(
        this::refresh, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    try {
      int made = segments.refreshDue(zones).size();
      if (made > 0) {
        log.info("Refreshed {} scheduled segment snapshots", made);
      }
    } catch (RuntimeException e) {
      log.warn("Scheduled segment snapshots failed; retrying in {}", period, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
