package dev.sextant.query.reference;

import static dev.sextant.query.reference.EventMatching.EVENT_ORDER;
import static dev.sextant.query.reference.EventMatching.matches;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventAnalysisResult;
import dev.sextant.query.model.EventAnalysisResult.Point;
import dev.sextant.query.model.EventAnalysisResult.Series;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Ratio;
import dev.sextant.query.model.TimeRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Event analysis, per {@code docs/analyses.md}, "Event analysis". */
final class ReferenceEventAnalysis {

  private final UserResolver users;

  ReferenceEventAnalysis(UserResolver users) {
    this.users = users;
  }

  EventAnalysisResult run(EventAnalysis analysis, List<TrackedEvent> events) {
    List<Series> current = seriesOf(analysis, analysis.range(), events);
    List<Series> previous =
        analysis.compareWithPrevious()
            ? seriesOf(analysis, analysis.range().previous(), events)
            : List.of();
    return new EventAnalysisResult(current, previous);
  }

  private List<Series> seriesOf(EventAnalysis analysis, TimeRange range, List<TrackedEvent> all) {
    List<Instant> buckets = TimeBuckets.bucketsOf(range, analysis.granularity());
    List<Series> series = new ArrayList<>();
    for (int m = 0; m < analysis.metrics().size(); m++) {
      Metric metric = analysis.metrics().get(m);
      List<TrackedEvent> selected = select(analysis, metric, range, all);
      Map<GroupKey, Map<Instant, List<TrackedEvent>>> cells = new TreeMap<>(GroupKey.ORDER);
      for (TrackedEvent event : selected) {
        cells
            .computeIfAbsent(groupOf(event, analysis.groupBy()), k -> new HashMap<>())
            .computeIfAbsent(
                TimeBuckets.bucketOf(event.time(), analysis.granularity(), range),
                k -> new ArrayList<>())
            .add(event);
      }
      if (cells.isEmpty() && analysis.groupBy().isEmpty()) {
        cells.put(GroupKey.NONE, Map.of());
      }
      for (Map.Entry<GroupKey, Map<Instant, List<TrackedEvent>>> cell : cells.entrySet()) {
        List<Point> points = new ArrayList<>(buckets.size());
        for (Instant bucket : buckets) {
          List<TrackedEvent> inBucket = cell.getValue().getOrDefault(bucket, List.of());
          points.add(new Point(bucket, valueOf(metric.measure(), inBucket)));
        }
        series.add(new Series(m, cell.getKey(), points));
      }
    }
    return series;
  }

  /**
   * The events a metric reads: those in the range meeting its criteria and the analysis filter; for
   * new users, each user's first event ever when it qualifies.
   */
  private List<TrackedEvent> select(
      EventAnalysis analysis, Metric metric, TimeRange range, List<TrackedEvent> all) {
    List<TrackedEvent> candidates =
        metric.measure() instanceof Measure.NewUsers ? firstEventOfEachUser(all) : all;
    return candidates.stream()
        .filter(e -> range.contains(e.time()))
        .filter(e -> matches(metric.events(), e) && matches(analysis.filter(), e))
        .toList();
  }

  private List<TrackedEvent> firstEventOfEachUser(List<TrackedEvent> all) {
    Map<String, TrackedEvent> first = new LinkedHashMap<>();
    for (TrackedEvent event : all) {
      first.merge(users.userOf(event), event, (a, b) -> EVENT_ORDER.compare(a, b) <= 0 ? a : b);
    }
    return List.copyOf(first.values());
  }

  static GroupKey groupOf(TrackedEvent event, List<String> groupBy) {
    List<Object> values = new ArrayList<>(groupBy.size());
    for (String property : groupBy) {
      values.add(EventMatching.valueOf(event, property));
    }
    return new GroupKey(values);
  }

  private BigDecimal valueOf(Measure measure, List<TrackedEvent> events) {
    BigDecimal value =
        switch (measure) {
          case Measure.EventCount ignored -> BigDecimal.valueOf(events.size());
          case Measure.UserCount ignored -> BigDecimal.valueOf(userCount(events));
          case Measure.NewUsers ignored -> BigDecimal.valueOf(userCount(events));
          case Measure.EventsPerUser ignored -> Ratio.of(events.size(), userCount(events));
          case Measure.Sum sum ->
              numbers(events, sum.property()).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          case Measure.Average average -> {
            List<BigDecimal> numbers = numbers(events, average.property());
            yield Ratio.of(
                numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add), numbers.size());
          }
          case Measure.Minimum minimum ->
              numbers(events, minimum.property()).stream().min(BigDecimal::compareTo).orElse(null);
          case Measure.Maximum maximum ->
              numbers(events, maximum.property()).stream().max(BigDecimal::compareTo).orElse(null);
          case Measure.DistinctValues distinct ->
              BigDecimal.valueOf(distinctValues(events, distinct));
        };
    return value == null ? null : value.stripTrailingZeros();
  }

  private long userCount(List<TrackedEvent> events) {
    Set<String> distinct = new HashSet<>();
    events.forEach(e -> distinct.add(users.userOf(e)));
    return distinct.size();
  }

  private static List<BigDecimal> numbers(List<TrackedEvent> events, String property) {
    return events.stream()
        .map(e -> EventMatching.numberOf(e, property))
        .filter(Objects::nonNull)
        .toList();
  }

  private static long distinctValues(List<TrackedEvent> events, Measure.DistinctValues distinct) {
    return events.stream()
        .map(e -> EventMatching.valueOf(e, distinct.property()))
        .filter(Objects::nonNull)
        .distinct()
        .count();
  }
}
