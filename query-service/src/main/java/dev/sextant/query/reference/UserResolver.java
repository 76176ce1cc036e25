package dev.sextant.query.reference;

import dev.sextant.event.TrackedEvent;

/**
 * Which user an event belongs to. Today the distinct id; once ID mapping exists, a resolver that
 * maps every id of a merged user to one key plugs in here without changing any analysis.
 */
@FunctionalInterface
public interface UserResolver {

  String userOf(TrackedEvent event);

  /** Each distinct id is one user. */
  static UserResolver byDistinctId() {
    return TrackedEvent::distinctId;
  }
}
