package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;
import static dev.sextant.query.model.InvalidQueryException.requirePropertyName;

import java.util.HashSet;
import java.util.List;

/**
 * Event analysis (事件分析): each metric per time bucket and per group, optionally also over the
 * previous period of the same length.
 *
 * @param metrics one to {@value #MAX_METRICS} metrics
 * @param filter a filter every metric's events must also pass
 * @param groupBy up to {@value #MAX_GROUP_BY} event properties
 * @param range the local dates analysed
 * @param granularity the bucket size
 * @param compareWithPrevious whether to compute the previous period too
 */
public record EventAnalysis(
    List<Metric> metrics,
    Filter filter,
    List<String> groupBy,
    TimeRange range,
    Granularity granularity,
    boolean compareWithPrevious)
    implements Analysis {

  public static final int MAX_METRICS = 10;
  public static final int MAX_GROUP_BY = 3;

  /** Hourly series cover at most this many days. */
  public static final long MAX_HOURLY_DAYS = 31;

  public EventAnalysis {
    metrics = List.copyOf(requirePresent(metrics, "metrics"));
    require(
        !metrics.isEmpty() && metrics.size() <= MAX_METRICS,
        "metrics",
        "needs 1 to " + MAX_METRICS + " metrics");
    requirePresent(filter, "filter");
    groupBy = List.copyOf(requirePresent(groupBy, "groupBy"));
    require(groupBy.size() <= MAX_GROUP_BY, "groupBy", "at most " + MAX_GROUP_BY + " properties");
    for (int i = 0; i < groupBy.size(); i++) {
      requirePropertyName(groupBy.get(i), "groupBy[" + i + "]");
    }
    require(new HashSet<>(groupBy).size() == groupBy.size(), "groupBy", "must be distinct");
    requirePresent(range, "range");
    requirePresent(granularity, "granularity");
    require(
        granularity != Granularity.HOUR || range.days() <= MAX_HOURLY_DAYS,
        "granularity",
        "hourly series cover at most " + MAX_HOURLY_DAYS + " days");
  }

  /** One metric, no filter, no grouping. */
  public static EventAnalysis of(Metric metric, TimeRange range, Granularity granularity) {
    return new EventAnalysis(List.of(metric), Filter.none(), List.of(), range, granularity, false);
  }

  /** DAU: active users per local day. */
  public static EventAnalysis dailyActiveUsers(TimeRange range) {
    return of(Metric.activeUsers(), range, Granularity.DAY);
  }

  /** WAU: active users per ISO week. */
  public static EventAnalysis weeklyActiveUsers(TimeRange range) {
    return of(Metric.activeUsers(), range, Granularity.WEEK);
  }

  /** MAU: active users per calendar month. */
  public static EventAnalysis monthlyActiveUsers(TimeRange range) {
    return of(Metric.activeUsers(), range, Granularity.MONTH);
  }
}
