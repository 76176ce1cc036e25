package dev.sextant.query.segments;

import java.time.Duration;
import java.time.Instant;

/** How often a saved segment is snapshotted on its own, besides on demand. */
public enum Refresh {
  NONE(null),
  HOURLY(Duration.ofHours(1)),
  DAILY(Duration.ofDays(1));

  private final Duration every;

  Refresh(Duration every) {
    this.every = every;
  }

  /**
   * Whether a new snapshot is due at {@code now}, the latest having been made at {@code latest}
   * (null: none yet). Never for {@link #NONE}.
   */
  public boolean isDue(Instant latest, Instant now) {
    if (every == null) {
      return false;
    }
    return latest == null || !now.isBefore(latest.plus(every));
  }
}
