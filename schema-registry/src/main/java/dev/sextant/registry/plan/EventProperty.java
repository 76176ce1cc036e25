package dev.sextant.registry.plan;

/**
 * A property as an event carries it.
 *
 * @param name the name of a property defined in the plan (or a preset)
 * @param required whether every record of the event must carry it
 */
public record EventProperty(String name, boolean required) {

  public EventProperty {
    PlanNames.requireName(name, "property");
  }
}
