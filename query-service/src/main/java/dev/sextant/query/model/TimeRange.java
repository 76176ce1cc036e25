package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The local dates {@code from} to {@code to}, both inclusive, in {@code zone}: the instants from
 * the start of {@code from} (inclusive) to the start of the day after {@code to} (exclusive).
 */
public record TimeRange(LocalDate from, LocalDate to, ZoneId zone) {

  /** The project zone when a project sets none. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  /** The longest range an analysis may read, in days. */
  public static final long MAX_DAYS = 3660;

  public TimeRange {
    requirePresent(from, "from");
    requirePresent(to, "to");
    requirePresent(zone, "zone");
    require(!to.isBefore(from), "to", "must not be before from (" + from + ")");
    require(days(from, to) <= MAX_DAYS, "to", "a range covers at most " + MAX_DAYS + " days");
  }

  public static TimeRange of(LocalDate from, LocalDate to) {
    return new TimeRange(from, to, DEFAULT_ZONE);
  }

  /** The first instant in the range. */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the range. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Whether {@code time} falls in the range. */
  public boolean contains(Instant time) {
    return !time.isBefore(start()) && time.isBefore(end());
  }

  /** The number of local days in the range. */
  public long days() {
    return days(from, to);
  }

  /** The range of the same number of days that ends the day before this one starts. */
  public TimeRange previous() {
    long days = days();
    return new TimeRange(from.minusDays(days), from.minusDays(1), zone);
  }

  private static long days(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }
}
