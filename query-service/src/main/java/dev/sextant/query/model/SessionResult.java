package dev.sextant.query.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Sessions per bucket of their start, sessions per local hour of their start, and dwell per page.
 */
public record SessionResult(List<Bucket> buckets, List<Long> startsByHour, List<PageDwell> dwell) {

  public SessionResult {
    buckets = List.copyOf(buckets);
    startsByHour = List.copyOf(startsByHour);
    dwell = List.copyOf(dwell);
  }

  /**
   * @param start the first instant of the bucket
   * @param sessions sessions starting in it
   * @param bounces those with exactly one page view
   * @param durationMillis the sum of their durations
   * @param pageViews the sum of their page views
   */
  public record Bucket(
      Instant start, long sessions, long bounces, long durationMillis, long pageViews) {

    public BigDecimal averageDurationMillis() {
      return Ratio.of(durationMillis, sessions);
    }

    public BigDecimal pagesPerSession() {
      return Ratio.of(pageViews, sessions);
    }

    public BigDecimal bounceRate() {
      return Ratio.of(bounces, sessions);
    }
  }

  /**
   * @param page the page property's value (null when unset)
   * @param views page views followed by another event of their session
   * @param dwellMillis the sum of the times to that next event
   */
  public record PageDwell(Object page, long views, long dwellMillis) {

    public BigDecimal averageDwellMillis() {
      return Ratio.of(dwellMillis, views);
    }
  }
}
