package dev.sextant.query.reference;

import static dev.sextant.query.reference.EventMatching.matches;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.SessionAnalysis;
import dev.sextant.query.model.SessionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sessions, per {@code docs/analyses.md}, "Sessions". */
final class ReferenceSessions {

  private final UserResolver users;

  ReferenceSessions(UserResolver users) {
    this.users = users;
  }

  SessionResult run(SessionAnalysis analysis, List<TrackedEvent> events) {
    Map<Instant, long[]> buckets = new LinkedHashMap<>();
    for (Instant bucket : TimeBuckets.bucketsOf(analysis.range(), analysis.granularity())) {
      buckets.put(bucket, new long[4]);
    }
    long[] startsByHour = new long[24];
    Map<GroupKey, long[]> dwell = new TreeMap<>(GroupKey.ORDER);
    Map<String, List<TrackedEvent>> byUser =
        UserEvents.byUser(
            events,
            users,
            e -> analysis.range().contains(e.time()) && matches(analysis.events(), e));
    for (List<TrackedEvent> userEvents : byUser.values()) {
      for (List<TrackedEvent> session : sessionsOf(userEvents, analysis.timeout())) {
        Instant start = session.getFirst().time();
        long pageViews = session.stream().filter(e -> matches(analysis.pageViews(), e)).count();
        long[] bucket =
            buckets.get(TimeBuckets.bucketOf(start, analysis.granularity(), analysis.range()));
        bucket[0]++;
        bucket[1] += pageViews == 1 ? 1 : 0;
        bucket[2] += Duration.between(start, session.getLast().time()).toMillis();
        bucket[3] += pageViews;
        startsByHour[start.atZone(analysis.range().zone()).getHour()]++;
        if (analysis.pageProperty() != null) {
          addDwell(analysis, session, dwell);
        }
      }
    }
    List<SessionResult.Bucket> result = new ArrayList<>();
    buckets.forEach((s, v) -> result.add(new SessionResult.Bucket(s, v[0], v[1], v[2], v[3])));
    List<SessionResult.PageDwell> pages = new ArrayList<>();
    dwell.forEach(
        (page, v) -> pages.add(new SessionResult.PageDwell(page.values().getFirst(), v[0], v[1])));
    return new SessionResult(result, Arrays.stream(startsByHour).boxed().toList(), pages);
  }

  /** Cuts a user's ordered events where the gap to the previous event exceeds the timeout. */
  static List<List<TrackedEvent>> sessionsOf(List<TrackedEvent> events, Duration timeout) {
    List<List<TrackedEvent>> sessions = new ArrayList<>();
    List<TrackedEvent> session = new ArrayList<>();
    for (TrackedEvent event : events) {
      if (!session.isEmpty()
          && Duration.between(session.getLast().time(), event.time()).compareTo(timeout) > 0) {
        sessions.add(session);
        session = new ArrayList<>();
      }
      session.add(event);
    }
    if (!session.isEmpty()) {
      sessions.add(session);
    }
    return sessions;
  }

  private static void addDwell(
      SessionAnalysis analysis, List<TrackedEvent> session, Map<GroupKey, long[]> dwell) {
    for (int i = 0; i + 1 < session.size(); i++) {
      TrackedEvent view = session.get(i);
      if (matches(analysis.pageViews(), view)) {
        long[] page =
            dwell.computeIfAbsent(
                ReferenceEventAnalysis.groupOf(view, List.of(analysis.pageProperty())),
                k -> new long[2]);
        page[0]++;
        page[1] += Duration.between(view.time(), session.get(i + 1).time()).toMillis();
      }
    }
  }
}
