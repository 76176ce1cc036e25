package dev.sextant.registry.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds tracking plans for tests: {@code aPlan("demo").event("P2P_Invest", "amount!").build()}.
 */
public final class TrackingPlans {

  private final String project;
  private long version;
  private final List<EventDefinition> events = new ArrayList<>();
  private final List<PropertyDefinition> properties = new ArrayList<>();

  private TrackingPlans(String project) {
    this.project = project;
  }

  public static TrackingPlans aPlan(String project) {
    return new TrackingPlans(project);
  }

  public TrackingPlans atVersion(long version) {
    this.version = version;
    return this;
  }

  /** An event; a property name ending in {@code !} is required. */
  public TrackingPlans event(String name, String... propertyNames) {
    List<EventProperty> eventProperties = new ArrayList<>();
    for (String property : propertyNames) {
      boolean required = property.endsWith("!");
      eventProperties.add(
          new EventProperty(
              required ? property.substring(0, property.length() - 1) : property, required));
    }
    events.add(new EventDefinition(name, null, eventProperties));
    return this;
  }

  public TrackingPlans property(String name, PropertyType type) {
    properties.add(new PropertyDefinition(name, null, type));
    return this;
  }

  public TrackingPlan build() {
    return new TrackingPlan(project, version, events, properties);
  }
}
