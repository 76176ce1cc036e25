package dev.sextant.query.reference;

import static dev.sextant.query.reference.EventMatching.matches;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.DistributionResult;
import dev.sextant.query.model.DistributionResult.Bucket;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/** Distributions, per {@code docs/analyses.md}, "Distributions". */
final class ReferenceDistributions {

  private final UserResolver users;

  ReferenceDistributions(UserResolver users) {
    this.users = users;
  }

  DistributionResult run(DistributionAnalysis analysis, List<TrackedEvent> events) {
    List<TrackedEvent> selected =
        events.stream()
            .filter(e -> analysis.range().contains(e.time()) && matches(analysis.events(), e))
            .toList();
    return switch (analysis) {
      case DistributionAnalysis.EventsPerUser perUser -> eventsPerUser(perUser, selected);
      case DistributionAnalysis.HourOfDay hour ->
          byIndex(selected, 0, 24, e -> e.time().atZone(hour.range().zone()).getHour());
      case DistributionAnalysis.DayOfWeek day ->
          byIndex(
              selected, 1, 7, e -> e.time().atZone(day.range().zone()).getDayOfWeek().getValue());
      case DistributionAnalysis.Histogram histogram -> histogram(histogram, selected);
    };
  }

  private DistributionResult eventsPerUser(
      DistributionAnalysis.EventsPerUser analysis, List<TrackedEvent> selected) {
    List<BigDecimal> bounds = new ArrayList<>();
    bounds.add(BigDecimal.ONE);
    analysis.bounds().forEach(b -> bounds.add(BigDecimal.valueOf(b)));
    long[] eventCounts = new long[bounds.size()];
    long[] userCounts = new long[bounds.size()];
    Map<String, List<TrackedEvent>> byUser = UserEvents.byUser(selected, users, e -> true);
    for (List<TrackedEvent> userEvents : byUser.values()) {
      int index = indexOf(BigDecimal.valueOf(userEvents.size()), bounds);
      eventCounts[index] += userEvents.size();
      userCounts[index]++;
    }
    List<Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      buckets.add(
          new Bucket(
              bounds.get(i),
              i + 1 < bounds.size() ? bounds.get(i + 1) : null,
              eventCounts[i],
              userCounts[i]));
    }
    return new DistributionResult(buckets);
  }

  private DistributionResult histogram(
      DistributionAnalysis.Histogram analysis, List<TrackedEvent> selected) {
    List<BigDecimal> bounds = analysis.bounds();
    int size = bounds.size() + 1;
    long[] eventCounts = new long[size];
    List<Set<String>> userSets = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      userSets.add(new HashSet<>());
    }
    for (TrackedEvent event : selected) {
      BigDecimal value = EventMatching.numberOf(event, analysis.property());
      if (value != null) {
        int index = indexOf(value, bounds) + (value.compareTo(bounds.getFirst()) < 0 ? 0 : 1);
        eventCounts[index]++;
        userSets.get(index).add(users.userOf(event));
      }
    }
    List<Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      buckets.add(
          new Bucket(
              i == 0 ? null : bounds.get(i - 1),
              i < bounds.size() ? bounds.get(i) : null,
              eventCounts[i],
              userSets.get(i).size()));
    }
    return new DistributionResult(buckets);
  }

  /** The index of the last bound at or below {@code value}; 0 when it is below them all. */
  private static int indexOf(BigDecimal value, List<BigDecimal> bounds) {
    int index = 0;
    for (int i = 0; i < bounds.size(); i++) {
      if (value.compareTo(bounds.get(i)) >= 0) {
        index = i;
      }
    }
    return index;
  }

  private DistributionResult byIndex(
      List<TrackedEvent> selected, int first, int count, ToIntFunction<TrackedEvent> indexOf) {
    long[] eventCounts = new long[count];
    List<Set<String>> userSets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      userSets.add(new HashSet<>());
    }
    for (TrackedEvent event : selected) {
      int index = indexOf.applyAsInt(event) - first;
      eventCounts[index]++;
      userSets.get(index).add(users.userOf(event));
    }
    List<Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      buckets.add(
          new Bucket(
              BigDecimal.valueOf(first + i),
              BigDecimal.valueOf(first + i + 1L),
              eventCounts[i],
              userSets.get(i).size()));
    }
    return new DistributionResult(buckets);
  }
}
