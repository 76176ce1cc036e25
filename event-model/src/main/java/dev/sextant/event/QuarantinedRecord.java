package dev.sextant.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A record the collector received but could not accept, kept with the reasons and the original
 * payload so that people can see why and replay it once the tracking plan is fixed.
 *
 * @param project the project the record was sent to
 * @param quarantineId a unique id, assigned when the record was quarantined
 * @param receivedAt when the collector received it
 * @param reasons why it was refused, at least one
 * @param payload the record exactly as received (JSON text, or the raw form field if malformed)
 */
public record QuarantinedRecord(
    String project,
    String quarantineId,
    Instant receivedAt,
    List<QuarantineReason> reasons,
    String payload) {

  public QuarantinedRecord {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(quarantineId, "quarantineId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(payload, "payload");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a quarantined record needs at least one reason");
    }
  }
}
