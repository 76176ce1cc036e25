package dev.sextant.query.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Retention per cohort, ordered by group then cohort start. */
public record RetentionResult(List<Cohort> cohorts) {

  public RetentionResult {
    cohorts = List.copyOf(cohorts);
  }

  /**
   * @param start the first local date of the cohort's period
   * @param users users in the cohort
   * @param retained for offsets 0 to N, users of the cohort who did the return event that period
   */
  public record Cohort(GroupKey group, LocalDate start, long users, List<Long> retained) {
    public Cohort {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(start, "start");
      retained = List.copyOf(retained);
    }

    public BigDecimal rate(int offset) {
      return Ratio.of(retained.get(offset), users);
    }
  }

  public Cohort cohort(GroupKey group, LocalDate start) {
    return cohorts.stream()
        .filter(c -> c.group().equals(group) && c.start().equals(start))
        .findFirst()
        .orElse(null);
  }
}
