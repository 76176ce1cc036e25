package dev.sextant.query.reference;

import static dev.sextant.query.reference.EventMatching.EVENT_ORDER;

import dev.sextant.event.TrackedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Events grouped by user, each user's events in {@link EventMatching#EVENT_ORDER}. */
final class UserEvents {

  private UserEvents() {}

  static Map<String, List<TrackedEvent>> byUser(
      List<TrackedEvent> events, UserResolver users, Predicate<TrackedEvent> keep) {
    Map<String, List<TrackedEvent>> byUser = new TreeMap<>();
    for (TrackedEvent event : events) {
      if (keep.test(event)) {
        byUser.computeIfAbsent(users.userOf(event), k -> new ArrayList<>()).add(event);
      }
    }
    byUser.values().forEach(list -> list.sort(EVENT_ORDER));
    return byUser;
  }
}
