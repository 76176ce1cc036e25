package dev.sextant.store;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test records: {@code aQuarantinedRecord().because(UNKNOWN_EVENT, "event", "...").build()}. */
public final class QuarantinedRecordBuilder {

  private String project = "demo";
  private String quarantineId = UUID.randomUUID().toString();
  private Instant receivedAt = Instant.parse("2026-11-23T02:03:04.567Z");
  private final List<QuarantineReason> reasons = new ArrayList<>();
  private String payload = "{\"event\":\"Unplanned\"}";

  private QuarantinedRecordBuilder() {}

  public static QuarantinedRecordBuilder aQuarantinedRecord() {
    return new QuarantinedRecordBuilder();
  }

  public QuarantinedRecordBuilder inProject(String project) {
    this.project = project;
    return this;
  }

  public QuarantinedRecordBuilder withQuarantineId(String quarantineId) {
    this.quarantineId = quarantineId;
    return this;
  }

  public QuarantinedRecordBuilder receivedAt(Instant receivedAt) {
    this.receivedAt = receivedAt;
    return this;
  }

  public QuarantinedRecordBuilder receivedAt(String isoInstant) {
    return receivedAt(Instant.parse(isoInstant));
  }

  public QuarantinedRecordBuilder because(QuarantineCode code, String path, String message) {
    reasons.add(new QuarantineReason(code, path, message));
    return this;
  }

  public QuarantinedRecordBuilder withPayload(String payload) {
    this.payload = payload;
    return this;
  }

  /** With an {@code UNKNOWN_EVENT} reason if none was given. */
  public QuarantinedRecord build() {
    List<QuarantineReason> given =
        reasons.isEmpty()
            ? List.of(
                new QuarantineReason(
                    QuarantineCode.UNKNOWN_EVENT, "event", "Unplanned is not in the plan"))
            : reasons;
    return new QuarantinedRecord(project, quarantineId, receivedAt, given, payload);
  }
}
