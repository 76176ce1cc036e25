package dev.sextant.query.model;

/**
 * How a time series is bucketed, in the project's zone: local hours, local days, ISO weeks starting
 * Monday, calendar months, or one bucket for the whole range.
 */
public enum Granularity {
  HOUR,
  DAY,
  WEEK,
  MONTH,
  TOTAL
}
