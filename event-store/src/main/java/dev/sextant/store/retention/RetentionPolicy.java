package dev.sextant.store.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * How long each project's events are kept, in whole months: a project kept for {@code n} months
 * keeps the current month (UTC) and the {@code n} before it, so between {@code n} and {@code n + 1}
 * months of history. Months, because events are partitioned by month and a month goes at once
 * (ClickHouse drops a partition without rewriting anything). A project without a setting, or with
 * 0, keeps everything.
 *
 * @param keepMonths months kept per project
 */
public record RetentionPolicy(Map<String, Integer> keepMonths) {

  public RetentionPolicy {
    keepMonths = Map.copyOf(keepMonths);
    keepMonths.forEach((project, months) -> {
      if (months < 0) {
        throw new IllegalArgumentException(
            "retention of project '" + project + "' must not be negative: " + months);
      }
    });
  }

  /** The first month of the project kept at {@code now}; empty when everything is kept. */
  public Optional<YearMonth> firstKeptMonth(String project, Instant now) {
    int months = keepMonths.getOrDefault(project, 0);
    if (months == 0) {
      return Optional.empty();
    }
    return Optional.of(YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(months));
  }
}
