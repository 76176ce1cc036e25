package dev.sextant.query.quarantine;

import dev.sextant.event.QuarantineReason;
import java.util.List;

/**
 * Sends quarantined records through the collector's validation again, as a sender would: the
 * collector's side of a replay. The all-in-one server implements it with its collector; a process
 * without one has none, and replay is unavailable there.
 */
public interface RecordResubmitter {

  /**
   * What ingesting each payload would do now, storing nothing.
   *
   * @param asBackEnd whether to take the records as from the project's back end (its secret key):
   *     the quarantine does not record which key a record came with, so an admin vouches for it
   */
  List<Resubmission> check(String project, List<String> payloads, boolean asBackEnd);

  /** Ingests each payload as the collector does, durably; outcomes in the payloads' order. */
  List<Resubmission> submit(String project, List<String> payloads, boolean asBackEnd);

  /** What became of one payload. */
  sealed interface Resubmission {

    /** Would be stored: what {@link #check} answers for a record that conforms now. */
    record Conforms() implements Resubmission {}

    /** Stored as {@code insertId}. */
    record Accepted(String insertId) implements Resubmission {}

    /** Already stored as {@code insertId} (its {@code _track_id} was remembered). */
    record Duplicate(String insertId) implements Resubmission {}

    /** Still breaks the plan, for these reasons. */
    record Refused(List<QuarantineReason> reasons) implements Resubmission {
      public Refused {
        reasons = List.copyOf(reasons);
      }
    }
  }
}
