package dev.sextant.query.access;

import dev.sextant.query.model.EventCriteria;
import dev.sextant.registry.plan.BusinessLine;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The events an analyst scoped to some business lines may read: the plan's events of those lines,
 * the events of shared lines (a business line without an event prefix, such as the platform's
 * launches and page views), and the SDKs' preset events ({@code $...}), which every line shares.
 */
public final class EventScope {

  private final SortedSet<String> allowed;

  private EventScope(SortedSet<String> allowed) {
    this.allowed = allowed;
  }

  public static EventScope of(TrackingPlan plan, Set<String> businessLines) {
    Set<String> shared = new TreeSet<>();
    for (BusinessLine line : plan.businessLines()) {
      if (line.eventPrefix().isEmpty()) {
        shared.add(line.name());
      }
    }
    SortedSet<String> allowed = new TreeSet<>();
    for (EventDefinition event : plan.events()) {
      String line = event.businessLine();
      if (event.name().startsWith("$")
          || line == null
          || shared.contains(line)
          || businessLines.contains(line)) {
        allowed.add(event.name());
      }
    }
    return new EventScope(allowed);
  }

  public boolean allows(String event) {
    return allowed.contains(event) || event.startsWith("$");
  }

  /**
   * Checks criteria that will be stored (a saved segment's rule), which cannot be rewritten: they
   * must name their events, all in scope.
   *
   * @throws OutOfScopeException when they read any event, or one out of scope
   */
  public void requireNamedInScope(EventCriteria criteria) {
    if (criteria.events().isEmpty()) {
      throw new OutOfScopeException(
          List.of("(any event: name the events of your business lines instead)"));
    }
    confine(criteria);
  }

  /**
   * The criteria, confined: "any event" becomes every event in scope; named events must all be in
   * scope.
   *
   * @throws OutOfScopeException naming the events that are not
   */
  public EventCriteria confine(EventCriteria criteria) {
    if (criteria.events().isEmpty()) {
      if (allowed.isEmpty()) {
        throw new OutOfScopeException(List.of());
      }
      return new EventCriteria(List.copyOf(allowed), criteria.filter());
    }
    List<String> outside = criteria.events().stream().filter(event -> !allows(event)).toList();
    if (!outside.isEmpty()) {
      throw new OutOfScopeException(outside);
    }
    return criteria;
  }
}
