package dev.sextant.query.reference;

import static dev.sextant.query.reference.EventMatching.matches;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventWindow;
import dev.sextant.query.model.Frequency;
import dev.sextant.query.model.Segment;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.model.TimeRange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Segments, per {@code docs/analyses.md}, "Segments". */
final class ReferenceSegments {

  private final UserResolver users;

  ReferenceSegments(UserResolver users) {
    this.users = users;
  }

  /** The users (of any stored event) who meet the segment's rule, sorted. */
  SortedSet<String> members(Segment segment, List<TrackedEvent> events) {
    SortedSet<String> members = new TreeSet<>();
    Map<String, List<TrackedEvent>> byUser = UserEvents.byUser(events, users, e -> true);
    byUser.forEach((user, userEvents) -> {
      if (holds(segment, segment.rule(), userEvents)) {
        members.add(user);
      }
    });
    return members;
  }

  private static boolean holds(Segment segment, SegmentRule rule, List<TrackedEvent> userEvents) {
    return switch (rule) {
      case SegmentRule.AllOf all ->
          all.rules().stream().allMatch(r -> holds(segment, r, userEvents));
      case SegmentRule.AnyOf any ->
          any.rules().stream().anyMatch(r -> holds(segment, r, userEvents));
      case SegmentRule.Behaviour behaviour ->
          behaviour.done() == meetsFrequency(segment, behaviour, userEvents);
      case SegmentRule.FirstDid first -> firstDid(segment, first, userEvents);
    };
  }

  private static boolean meetsFrequency(
      Segment segment, SegmentRule.Behaviour behaviour, List<TrackedEvent> userEvents) {
    List<TrackedEvent> matching =
        userEvents.stream()
            .filter(e -> inWindow(segment, behaviour.window(), e))
            .filter(e -> matches(behaviour.events(), e))
            .toList();
    return switch (behaviour.frequency()) {
      case Frequency.Count count ->
          count.threshold().holds(Long.compare(matching.size(), count.times()));
      case Frequency.Sum sum -> {
        BigDecimal total = BigDecimal.ZERO;
        for (TrackedEvent event : matching) {
          BigDecimal value = EventMatching.numberOf(event, sum.property());
          if (value != null) {
            total = total.add(value);
          }
        }
        yield sum.threshold().holds(total.compareTo(sum.value()));
      }
    };
  }

  /** The first matching event of the user's events (they are in event order) is in the window. */
  private static boolean firstDid(
      Segment segment, SegmentRule.FirstDid first, List<TrackedEvent> userEvents) {
    return userEvents.stream()
        .filter(e -> matches(first.events(), e))
        .findFirst()
        .map(e -> inWindow(segment, first.window(), e))
        .orElse(false);
  }

  private static boolean inWindow(Segment segment, EventWindow window, TrackedEvent event) {
    TimeRange range = segment.resolve(window);
    return range == null || range.contains(event.time());
  }
}
