package dev.sextant.query.sql;

import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The buckets a result lists, zero-filled: every bucket that overlaps the range, in order. */
final class TimeBuckets {

  private TimeBuckets() {}

  static List<Instant> of(TimeRange range, Granularity granularity) {
    List<Instant> buckets = new ArrayList<>();
    if (granularity == Granularity.TOTAL) {
      return List.of(range.start());
    }
    ZonedDateTime start = range.start().atZone(range.zone());
    if (granularity == Granularity.HOUR) {
      for (ZonedDateTime hour = start.truncatedTo(ChronoUnit.HOURS);
          hour.toInstant().isBefore(range.end());
          hour = hour.plusHours(1)) {
        buckets.add(hour.toInstant());
      }
      return buckets;
    }
    LocalDate day = start.toLocalDate();
    LocalDate first =
        switch (granularity) {
          case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
          case MONTH -> day.withDayOfMonth(1);
          default -> day;
        };
    for (LocalDate date = first; !date.isAfter(range.to()); ) {
      buckets.add(date.atStartOfDay(range.zone()).toInstant());
      date =
          switch (granularity) {
            case WEEK -> date.plusWeeks(1);
            case MONTH -> date.plusMonths(1);
            default -> date.plusDays(1);
          };
    }
    return buckets;
  }
}
