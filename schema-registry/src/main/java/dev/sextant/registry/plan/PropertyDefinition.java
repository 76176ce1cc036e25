package dev.sextant.registry.plan;

import java.util.Objects;

/**
 * A property of the tracking plan, shared by every event that carries it.
 *
 * @param name the property name, e.g. {@code amount}
 * @param displayName the name people read, e.g. {@code 投资金额}
 * @param type the one type this property has in the whole project
 */
public record PropertyDefinition(String name, String displayName, PropertyType type) {

  public PropertyDefinition {
    PlanNames.requireName(name, "property");
    Objects.requireNonNull(type, "type of property " + name);
    displayName = displayName == null || displayName.isBlank() ? name : displayName;
  }
}
