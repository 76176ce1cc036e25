package dev.sextant.query.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The series of an event analysis: one per metric and group, each with a point for every bucket of
 * the range (zero-filled), and the same for the previous period when asked.
 */
public record EventAnalysisResult(List<Series> current, List<Series> previous) {

  public EventAnalysisResult {
    current = List.copyOf(current);
    previous = List.copyOf(previous);
  }

  /** The points of one metric for one group. */
  public record Series(int metric, GroupKey group, List<Point> points) {
    public Series {
      Objects.requireNonNull(group, "group");
      points = List.copyOf(points);
    }
  }

  /**
   * One bucket's value; null when the measure is undefined there (an average of no values).
   *
   * @param bucket the first instant of the bucket
   */
  public record Point(Instant bucket, BigDecimal value) {
    public Point {
      Objects.requireNonNull(bucket, "bucket");
    }
  }

  /** The series of one metric and group, or null. */
  public Series series(int metric, GroupKey group) {
    return current.stream()
        .filter(s -> s.metric() == metric && s.group().equals(group))
        .findFirst()
        .orElse(null);
  }
}
