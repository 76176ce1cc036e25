package dev.sextant.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One behaviour event that passed validation and was accepted for storage.
 *
 * <p>{@code insertId} is assigned by the collector when it accepts the event and is the
 * de-duplication key on every path to storage: a redelivered event carries the same id.
 *
 * @param project the project the event belongs to
 * @param event the event name from the tracking plan, e.g. {@code P2P_Invest}
 * @param distinctId the id the client sent (anonymous or login id)
 * @param time when the event happened, as the client reported it (millisecond precision)
 * @param insertId the collector-assigned de-duplication key
 * @param trackId the SDK's {@code _track_id}, if it sent one
 * @param properties the event's properties: String, Number, Boolean or List of String values
 * @param receivedAt when the collector accepted the event
 * @param originalId for a signup ({@code track_signup}), the anonymous id the user had before,
 *     which the store links to {@code distinctId} ({@link IdLink}); null for every other event
 */
public record TrackedEvent(
    String project,
    String event,
    String distinctId,
    Instant time,
    String insertId,
    Long trackId,
    Map<String, Object> properties,
    Instant receivedAt,
    String originalId) {

  public TrackedEvent {
    requireText(project, "project");
    requireText(event, "event");
    requireText(distinctId, "distinctId");
    requireText(insertId, "insertId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(receivedAt, "receivedAt");
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    if (originalId != null) {
      requireText(originalId, "originalId");
      if (originalId.equals(distinctId)) {
        throw new IllegalArgumentException("originalId must differ from distinctId: " + originalId);
      }
    }
  }

  /** An event that links no ids: every event but a signup. */
  public TrackedEvent(
      String project,
      String event,
      String distinctId,
      Instant time,
      String insertId,
      Long trackId,
      Map<String, Object> properties,
      Instant receivedAt) {
    this(project, event, distinctId, time, insertId, trackId, properties, receivedAt, null);
  }

  /** This event as a signup that links {@code anonymousId} to its distinct id. */
  public TrackedEvent linking(String anonymousId) {
    return new TrackedEvent(
        project, event, distinctId, time, insertId, trackId, properties, receivedAt, anonymousId);
  }

  /** This event as stored, without the link it carried (stores keep links apart from events). */
  public TrackedEvent withoutLink() {
    return new TrackedEvent(
        project, event, distinctId, time, insertId, trackId, properties, receivedAt, null);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
