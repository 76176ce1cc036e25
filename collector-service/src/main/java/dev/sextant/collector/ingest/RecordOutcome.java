package dev.sextant.collector.ingest;

import dev.sextant.event.QuarantineReason;
import java.util.List;

/** What happened to one record of a request, reported back to the sender in request order. */
public sealed interface RecordOutcome {

  /** The record's position in the request. */
  int index();

  /** Stored as an event; {@code insertId} identifies it. */
  record Accepted(int index, String insertId) implements RecordOutcome {}

  /**
   * Already accepted within the {@code _track_id} window (an SDK's retry): answered as accepted
   * under the first copy's {@code insertId}, and not stored again.
   */
  record Duplicate(int index, String insertId) implements RecordOutcome {}

  /** Kept in quarantine under {@code quarantineId}, for the listed reasons. */
  record Quarantined(int index, String quarantineId, List<QuarantineReason> reasons)
      implements RecordOutcome {

    public Quarantined {
      reasons = List.copyOf(reasons);
    }
  }
}
