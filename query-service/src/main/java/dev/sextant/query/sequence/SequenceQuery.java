package dev.sextant.query.sequence;

import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.store.UserEventQuery;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a request for a user's action sequence asks for, read from its parameters ({@code
 * docs/query-api.md}, "A user's action sequence"): event names, a time range, a page size and the
 * cursor of the page before. Errors name the parameter.
 *
 * @param events the names to show; empty for every event
 * @param from the earliest time shown (inclusive); null for no bound
 * @param to the time before which events are shown (exclusive); null for no bound
 * @param before the last event of the previous page; null for the newest page
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 */
record SequenceQuery(
    SortedSet<String> events, Instant from, Instant to, UserEventQuery.Position before, int limit) {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  static final int MAX_EVENTS = 100;

  SequenceQuery {
    events = new TreeSet<>(events);
    if (events.size() > MAX_EVENTS) {
      throw new InvalidQueryException("events", "at most " + MAX_EVENTS + " event names");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidQueryException("to", "must be after from");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQueryException("limit", "must be 1 to " + MAX_LIMIT);
    }
  }

  /**
   * Reads the parameters; {@code from} and {@code to} are instants ({@code 2026-11-01T08:00:00Z},
   * or with an offset) or local dates in {@code zone}: {@code from} a date's start, {@code to} the
   * end of its date (both dates inclusive, as in analyses).
   */
  static SequenceQuery read(
      List<String> events, String from, String to, String before, int limit, ZoneId zone) {
    List<String> names = events == null ? List.of() : events;
    for (String name : names) {
      if (name.isBlank()) {
        throw new InvalidQueryException("events", "an event name must not be blank");
      }
    }
    return new SequenceQuery(
        new TreeSet<>(names),
        time(from, "from", zone, false),
        time(to, "to", zone, true),
        before == null || before.isEmpty() ? null : cursor(before),
        limit);
  }

  /** The store's query for a user's ids: one event more than the page, to know if one follows. */
  UserEventQuery forUser(List<String> distinctIds) {
    return new UserEventQuery(distinctIds, events, from, to, before, limit + 1);
  }

  private static Instant time(String text, String field, ZoneId zone, boolean endOfDate) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      if (text.length() == 10) {
        LocalDate date = LocalDate.parse(text);
        return (endOfDate ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidQueryException(
          field,
          "an instant such as 2026-11-01T08:00:00Z or a date yyyy-MM-dd in the project's zone, got '"
              + text
              + "'");
    }
  }

  /**
   * The opaque cursor of the page after {@code last}: its time and insert id, base64url-encoded, so
   * clients do not build or parse it.
   */
  static String cursorAfter(UserEventQuery.Position last) {
    String plain = last.time().toEpochMilli() + ":" + last.insertId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static UserEventQuery.Position cursor(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      if (colon > 0 && colon < plain.length() - 1) {
        return new UserEventQuery.Position(
            Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))),
            plain.substring(colon + 1));
      }
    } catch (IllegalArgumentException e) {
      // Not base64 or not a number: answered as any other foreign cursor below.
    }
    throw new InvalidQueryException("before", "not a cursor this endpoint gave (next_before)");
  }
}
