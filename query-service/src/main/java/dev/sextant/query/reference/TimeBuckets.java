package dev.sextant.query.reference;

import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.RetentionAnalysis.RetentionUnit;
import dev.sextant.query.model.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Bucket and period boundaries in a zone, per {@code docs/analyses.md}, "Time". */
final class TimeBuckets {

  private TimeBuckets() {}

  /** The first instant of the bucket that holds {@code time}. */
  static Instant bucketOf(Instant time, Granularity granularity, TimeRange range) {
    ZonedDateTime local = time.atZone(range.zone());
    return switch (granularity) {
      case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
      case DAY -> local.toLocalDate().atStartOfDay(range.zone()).toInstant();
      case WEEK -> monday(local.toLocalDate()).atStartOfDay(range.zone()).toInstant();
      case MONTH -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(range.zone()).toInstant();
      case TOTAL -> range.start();
    };
  }

  /** Every bucket that overlaps the range, in order. */
  static List<Instant> bucketsOf(TimeRange range, Granularity granularity) {
    List<Instant> buckets = new ArrayList<>();
    Instant bucket = bucketOf(range.start(), granularity, range);
    while (bucket.isBefore(range.end())) {
      buckets.add(bucket);
      bucket = next(bucket, granularity, range);
    }
    return buckets;
  }

  private static Instant next(Instant bucket, Granularity granularity, TimeRange range) {
    return switch (granularity) {
      case HOUR -> bucketOf(bucket.plus(Duration.ofHours(1)), granularity, range);
      case DAY -> startOf(localDate(bucket, range).plusDays(1), range);
      case WEEK -> startOf(localDate(bucket, range).plusWeeks(1), range);
      case MONTH -> startOf(localDate(bucket, range).plusMonths(1), range);
      case TOTAL -> range.end();
    };
  }

  /** The first local date of the retention period that holds {@code date}. */
  static LocalDate periodOf(LocalDate date, RetentionUnit unit) {
    return switch (unit) {
      case DAY -> date;
      case WEEK -> monday(date);
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  /**
   * The first local date of the period {@code offset} periods after the one starting {@code start}.
   */
  static LocalDate plusPeriods(LocalDate start, long offset, RetentionUnit unit) {
    return switch (unit) {
      case DAY -> start.plusDays(offset);
      case WEEK -> start.plusWeeks(offset);
      case MONTH -> start.plusMonths(offset);
    };
  }

  /** Every period that overlaps the range, in order. */
  static List<LocalDate> periodsOf(TimeRange range, RetentionUnit unit) {
    List<LocalDate> periods = new ArrayList<>();
    for (LocalDate period = periodOf(range.from(), unit);
        !period.isAfter(range.to());
        period = plusPeriods(period, 1, unit)) {
      periods.add(period);
    }
    return periods;
  }

  static LocalDate localDate(Instant time, TimeRange range) {
    return time.atZone(range.zone()).toLocalDate();
  }

  private static Instant startOf(LocalDate date, TimeRange range) {
    return date.atStartOfDay(range.zone()).toInstant();
  }

  private static LocalDate monday(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
