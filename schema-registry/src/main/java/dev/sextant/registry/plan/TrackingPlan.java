package dev.sextant.registry.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A project's tracking plan (事件/属性规范): the events it may send and their typed properties.
 *
 * @param project the project name
 * @param version increases by one with every saved change; used for optimistic locking
 * @param events the events
 * @param properties the properties, each with one type for the whole project
 */
public record TrackingPlan(
    String project,
    long version,
    List<EventDefinition> events,
    List<PropertyDefinition> properties) {

  public TrackingPlan {
    PlanNames.requireName(project, "project");
    events = events == null ? List.of() : List.copyOf(events);
    properties = properties == null ? List.of() : List.copyOf(properties);
    requireUnique(events.stream().map(EventDefinition::name).toList(), "event");
    requireUnique(properties.stream().map(PropertyDefinition::name).toList(), "property");
  }

  public Optional<EventDefinition> event(String name) {
    return events.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  public Optional<PropertyDefinition> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The same plan content with another version number. */
  public TrackingPlan withVersion(long newVersion) {
    return new TrackingPlan(project, newVersion, events, properties);
  }

  private static void requireUnique(List<String> names, String kind) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(kind + " '" + name + "' is defined twice");
      }
    }
  }
}
