package dev.sextant.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which of one user's events {@link EventStore#findUserEvents(String, UserEventQuery)} reads: the
 * events of {@code distinctIds} (one user's, {@link EventStore#findUserIds}) newest first by time,
 * then by descending insert id, optionally of some event names, in a time range and before a
 * position, at most {@code limit}. The order is total (insert ids are unique per project), so a
 * page that starts before the last event of the previous one continues it exactly.
 *
 * @param distinctIds not empty
 * @param events the event names to read; empty for every event
 * @param from the earliest time read (inclusive); null for no bound
 * @param to the time before which events are read (exclusive); null for no bound
 * @param before read only events after this one in the order (older, or of the same millisecond
 *     with a smaller insert id); null to start with the newest
 * @param limit at most this many, not negative
 */
public record UserEventQuery(
    List<String> distinctIds,
    SortedSet<String> events,
    Instant from,
    Instant to,
    Position before,
    int limit) {

  /** Where an event is in the order: its time and insert id. */
  public record Position(Instant time, String insertId) {
    public Position {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(insertId, "insertId");
    }
  }

  public UserEventQuery {
    distinctIds = List.copyOf(distinctIds);
    if (distinctIds.isEmpty()) {
      throw new IllegalArgumentException("at least one distinct id is needed");
    }
    events = new TreeSet<>(events);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }

  /** The newest {@code limit} events of the ids, of any name and time. */
  public static UserEventQuery newest(List<String> distinctIds, int limit) {
    return new UserEventQuery(distinctIds, new TreeSet<>(), null, null, null, limit);
  }
}
