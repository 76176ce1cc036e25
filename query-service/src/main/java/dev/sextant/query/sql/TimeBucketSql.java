package dev.sextant.query.sql;

import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.TimeRange;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A bucket key per granularity in SQL, and back in Java from the key to the bucket's first instant,
 * with the rules of {@code docs/analyses.md}, "Buckets".
 */
public final class TimeBucketSql {

  private TimeBucketSql() {}

  /** An integer key that identifies the bucket of the row's time. */
  public static String key(Granularity granularity, LocalTimeSql local, String timeColumn) {
    return switch (granularity) {
      case HOUR -> local.hourStart(timeColumn);
      case DAY -> local.dayNumber();
      case WEEK -> local.mondayDayNumber();
      case MONTH -> local.monthIndex();
      case TOTAL -> "0";
    };
  }

  /** The first instant of the bucket a key stands for. */
  public static Instant bucketStart(long key, Granularity granularity, TimeRange range) {
    return switch (granularity) {
      case HOUR -> Instant.ofEpochMilli(key);
      case DAY, WEEK -> LocalDate.ofEpochDay(key).atStartOfDay(range.zone()).toInstant();
      case MONTH ->
          LocalDate.of(Math.toIntExact(key / 12), (int) (key % 12) + 1, 1)
              .atStartOfDay(range.zone())
              .toInstant();
      case TOTAL -> range.start();
    };
  }
}
