package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;
import static dev.sextant.query.model.InvalidQueryException.requirePropertyName;

/**
 * Retention (留存分析): of the users who did the initial event in a period (the cohort), how many did
 * the return event 0, 1, ... {@code periods} periods later.
 *
 * @param initial the initial events
 * @param returning the return events
 * @param unit day, ISO week or calendar month, in the range's zone
 * @param periods the last period offset reported, 1 to {@value #MAX_PERIODS}
 * @param cohorts first-time (a user's first initial event ever) or recurring (every period)
 * @param range the local dates in which cohorts start
 * @param groupBy a property of the cohort's initial event; null for none
 */
public record RetentionAnalysis(
    EventCriteria initial,
    EventCriteria returning,
    RetentionUnit unit,
    int periods,
    CohortKind cohorts,
    TimeRange range,
    String groupBy)
    implements Analysis {

  public static final int MAX_PERIODS = 366;

  /** The length of one retention period. */
  public enum RetentionUnit {
    DAY,
    WEEK,
    MONTH
  }

  /** Which initial events make a user part of a cohort. */
  public enum CohortKind {
    /** Only the user's first initial event ever: each user is in at most one cohort. */
    FIRST_TIME,
    /** Any initial event: a user is in the cohort of every period in which they did one. */
    RECURRING
  }

  public RetentionAnalysis {
    requirePresent(initial, "initial");
    requirePresent(returning, "returning");
    requirePresent(unit, "unit");
    require(periods >= 1 && periods <= MAX_PERIODS, "periods", "must be 1 to " + MAX_PERIODS);
    requirePresent(cohorts, "cohorts");
    requirePresent(range, "range");
    if (groupBy != null) {
      requirePropertyName(groupBy, "groupBy");
    }
  }
}
