package dev.sextant.query.reference;

import dev.sextant.event.IdLink;
import dev.sextant.event.TrackedEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which user an event belongs to: every analysis asks this, so ID mapping is decided here alone.
 */
@FunctionalInterface
public interface UserResolver {

  String userOf(TrackedEvent event);

  /** Each distinct id is one user. */
  static UserResolver byDistinctId() {
    return TrackedEvent::distinctId;
  }

  /**
   * An anonymous id's events count for the login id it is linked to; any other id is its own user.
   * Of several links of one anonymous id the earliest wins ({@link IdLink#precedes}). One step
   * only: a login id is never resolved further, so two login ids never merge.
   */
  static UserResolver linking(Collection<IdLink> links) {
    Map<String, IdLink> winners = new HashMap<>();
    for (IdLink link : links) {
      winners.merge(link.anonymousId(), link, (kept, other) -> other.precedes(kept) ? other : kept);
    }
    Map<String, String> loginOf = new HashMap<>();
    winners.forEach((anonymousId, link) -> loginOf.put(anonymousId, link.loginId()));
    return event -> loginOf.getOrDefault(event.distinctId(), event.distinctId());
  }
}
