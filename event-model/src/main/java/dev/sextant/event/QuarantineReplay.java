package dev.sextant.event;

import java.time.Instant;
import java.util.Objects;

/**
 * That a quarantined record was replayed and accepted: kept so that no record is replayed, and
 * stored, twice. The quarantined record itself is never changed.
 *
 * @param quarantineId the quarantined record
 * @param replayedAt when it was replayed
 * @param insertId what it was stored as (or had been stored as, when the replay was a duplicate)
 * @param replayedBy who replayed it
 */
public record QuarantineReplay(
    String quarantineId, Instant replayedAt, String insertId, String replayedBy) {

  public QuarantineReplay {
    Objects.requireNonNull(quarantineId, "quarantineId");
    Objects.requireNonNull(replayedAt, "replayedAt");
    Objects.requireNonNull(insertId, "insertId");
    Objects.requireNonNull(replayedBy, "replayedBy");
  }
}
