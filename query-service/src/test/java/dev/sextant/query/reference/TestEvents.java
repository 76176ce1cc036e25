package dev.sextant.query.reference;

import dev.sextant.event.TrackedEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A builder of events for the oracle's tests: {@code anEvent("Buy").by("u1").at(...).build()}. */
final class TestEvents {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final AtomicLong INSERT_IDS = new AtomicLong();

  private String event;
  private String user = "u1";
  private Instant time = Instant.parse("2026-01-05T02:00:00Z");
  private String insertId;
  private final Map<String, Object> properties = new HashMap<>();

  private TestEvents(String event) {
    this.event = event;
  }

  static TestEvents anEvent(String event) {
    return new TestEvents(event);
  }

  /** Shanghai local time, e.g. {@code 2026-01-05T10:00}. */
  static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  /** The same event at another Shanghai local time. */
  static TrackedEvent retimed(TrackedEvent event, String localDateTime) {
    Instant time = shanghai(localDateTime);
    return new TrackedEvent(
        event.project(),
        event.event(),
        event.distinctId(),
        time,
        event.insertId(),
        event.trackId(),
        event.properties(),
        time);
  }

  TestEvents by(String user) {
    this.user = user;
    return this;
  }

  TestEvents at(Instant time) {
    this.time = time;
    return this;
  }

  /** At a Shanghai local time. */
  TestEvents at(String localDateTime) {
    return at(shanghai(localDateTime));
  }

  TestEvents insertId(String insertId) {
    this.insertId = insertId;
    return this;
  }

  TestEvents with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  TrackedEvent build() {
    String id = insertId != null ? insertId : String.format("i%08d", INSERT_IDS.incrementAndGet());
    return new TrackedEvent("demo", event, user, time, id, null, properties, time);
  }
}
