package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.requirePresent;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The users who meet {@code rule} as of the local date {@code asOf} in {@code zone}: the date and
 * zone resolve "last N days" windows ({@link EventWindow#resolve}); fixed windows carry their own.
 */
public record Segment(SegmentRule rule, LocalDate asOf, ZoneId zone) {

  public Segment {
    requirePresent(rule, "rule");
    requirePresent(asOf, "asOf");
    requirePresent(zone, "zone");
  }

  /** The window's instants for this evaluation, or null for the whole store. */
  public TimeRange resolve(EventWindow window) {
    return window.resolve(asOf, zone);
  }
}
