package dev.sextant.collector.ingest;

import dev.sextant.event.QuarantineReason;
import java.util.List;

/**
 * What validation says of one record when nothing is stored (the SDKs' dry-run debug mode).
 *
 * @param index the record's position in the request
 * @param reasons every problem; empty when the record would be accepted
 */
public record CheckedRecord(int index, List<QuarantineReason> reasons) {

  public CheckedRecord {
    reasons = List.copyOf(reasons);
  }

  public boolean conforms() {
    return reasons.isEmpty();
  }
}
