package dev.sextant.query.reference;

import static dev.sextant.query.reference.EventMatching.matches;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.RetentionAnalysis.CohortKind;
import dev.sextant.query.model.RetentionResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Retention, per {@code docs/analyses.md}, "Retention". */
final class ReferenceRetention {

  private final UserResolver users;

  ReferenceRetention(UserResolver users) {
    this.users = users;
  }

  RetentionResult run(RetentionAnalysis analysis, List<TrackedEvent> events) {
    List<LocalDate> periods = TimeBuckets.periodsOf(analysis.range(), analysis.unit());
    Map<GroupKey, Map<LocalDate, long[]>> table = new TreeMap<>(GroupKey.ORDER);
    if (analysis.groupBy() == null) {
      table.put(GroupKey.NONE, emptyRows(periods, analysis.periods()));
    }
    Map<String, List<TrackedEvent>> byUser = UserEvents.byUser(events, users, e -> true);
    for (List<TrackedEvent> userEvents : byUser.values()) {
      Set<LocalDate> returnPeriods = new HashSet<>();
      for (TrackedEvent event : userEvents) {
        if (matches(analysis.returning(), event)) {
          returnPeriods.add(periodOf(event, analysis));
        }
      }
      for (Map.Entry<LocalDate, TrackedEvent> cohort : cohortsOf(analysis, userEvents).entrySet()) {
        GroupKey key =
            analysis.groupBy() == null
                ? GroupKey.NONE
                : ReferenceEventAnalysis.groupOf(cohort.getValue(), List.of(analysis.groupBy()));
        long[] row =
            table
                .computeIfAbsent(key, k -> emptyRows(periods, analysis.periods()))
                .get(cohort.getKey());
        row[0]++;
        for (int offset = 0; offset <= analysis.periods(); offset++) {
          if (returnPeriods.contains(
              TimeBuckets.plusPeriods(cohort.getKey(), offset, analysis.unit()))) {
            row[offset + 1]++;
          }
        }
      }
    }
    List<RetentionResult.Cohort> cohorts = new ArrayList<>();
    table.forEach((key, rows) ->
        rows.forEach((start, row) -> {
          List<Long> retained = new ArrayList<>();
          for (int i = 1; i < row.length; i++) {
            retained.add(row[i]);
          }
          cohorts.add(new RetentionResult.Cohort(key, start, row[0], retained));
        }));
    return new RetentionResult(cohorts);
  }

  /**
   * The user's cohorts, each with the initial event that defines its group: first-time, the first
   * initial event ever if it is in the range; recurring, the first initial event in the range of
   * each period.
   */
  private static Map<LocalDate, TrackedEvent> cohortsOf(
      RetentionAnalysis analysis, List<TrackedEvent> userEvents) {
    Map<LocalDate, TrackedEvent> cohorts = new LinkedHashMap<>();
    for (TrackedEvent event : userEvents) {
      if (!matches(analysis.initial(), event)) {
        continue;
      }
      if (analysis.cohorts() == CohortKind.FIRST_TIME) {
        if (analysis.range().contains(event.time())) {
          cohorts.put(periodOf(event, analysis), event);
        }
        return cohorts;
      }
      if (analysis.range().contains(event.time())) {
        cohorts.putIfAbsent(periodOf(event, analysis), event);
      }
    }
    return cohorts;
  }

  private static LocalDate periodOf(TrackedEvent event, RetentionAnalysis analysis) {
    return TimeBuckets.periodOf(
        TimeBuckets.localDate(event.time(), analysis.range()), analysis.unit());
  }

  private static Map<LocalDate, long[]> emptyRows(List<LocalDate> periods, int lastOffset) {
    Map<LocalDate, long[]> rows = new LinkedHashMap<>();
    periods.forEach(p -> rows.put(p, new long[lastOffset + 2]));
    return rows;
  }
}
