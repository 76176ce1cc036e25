package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Which events an analysis part reads: events named one of {@code events} (any event when empty)
 * that pass {@code filter}.
 */
public record EventCriteria(List<String> events, Filter filter) {

  public EventCriteria {
    events = List.copyOf(requirePresent(events, "events"));
    require(events.size() <= 100, "events", "at most 100 event names");
    for (int i = 0; i < events.size(); i++) {
      require(!events.get(i).isBlank(), "events[" + i + "]", "must not be blank");
    }
    require(new HashSet<>(events).size() == events.size(), "events", "names must be distinct");
    requirePresent(filter, "filter");
  }

  /** Every event. */
  public static EventCriteria anyEvent() {
    return new EventCriteria(List.of(), Filter.none());
  }

  /** Events with one of these names. */
  public static EventCriteria named(String... events) {
    return new EventCriteria(Arrays.asList(events), Filter.none());
  }

  /** The same events, further restricted by {@code condition}. */
  public EventCriteria where(Filter condition) {
    return new EventCriteria(events, filter.isEmpty() ? condition : Filter.all(filter, condition));
  }

  /** Whether any event name passes. */
  public boolean isAnyEvent() {
    return events.isEmpty();
  }
}
