package dev.sextant.store;

import dev.sextant.event.TrackedEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test events: {@code anEvent().named("P2P_Invest").by("u1").at(t).build()}. */
public final class TrackedEventBuilder {

  private String project = "demo";
  private String event = "P2P_Invest";
  private String distinctId = "user-1";
  private Instant time = Instant.parse("2026-11-23T02:03:04.567Z");
  private String insertId = UUID.randomUUID().toString();
  private Long trackId;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private Instant receivedAt;

  private TrackedEventBuilder() {}

  public static TrackedEventBuilder anEvent() {
    return new TrackedEventBuilder();
  }

  public TrackedEventBuilder inProject(String project) {
    this.project = project;
    return this;
  }

  public TrackedEventBuilder named(String event) {
    this.event = event;
    return this;
  }

  public TrackedEventBuilder by(String distinctId) {
    this.distinctId = distinctId;
    return this;
  }

  public TrackedEventBuilder at(Instant time) {
    this.time = time;
    return this;
  }

  public TrackedEventBuilder at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  public TrackedEventBuilder withInsertId(String insertId) {
    this.insertId = insertId;
    return this;
  }

  public TrackedEventBuilder withTrackId(Long trackId) {
    this.trackId = trackId;
    return this;
  }

  public TrackedEventBuilder with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  /** When the collector accepted it; one second after {@link #at} unless set. */
  public TrackedEventBuilder receivedAt(Instant receivedAt) {
    this.receivedAt = receivedAt;
    return this;
  }

  public TrackedEvent build() {
    return new TrackedEvent(
        project,
        event,
        distinctId,
        time,
        insertId,
        trackId,
        properties,
        receivedAt == null ? time.plusSeconds(1) : receivedAt);
  }
}
