package dev.sextant.registry.plan;

import java.util.List;

/**
 * An event of the tracking plan.
 *
 * @param name the event name, e.g. {@code P2P_Invest}
 * @param displayName the name people read, e.g. {@code 投资}
 * @param properties the properties this event carries
 */
public record EventDefinition(String name, String displayName, List<EventProperty> properties) {

  public EventDefinition {
    PlanNames.requireName(name, "event");
    displayName = displayName == null || displayName.isBlank() ? name : displayName;
    properties = properties == null ? List.of() : List.copyOf(properties);
  }
}
