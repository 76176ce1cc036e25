package dev.sextant.registry.plan;

/**
 * A property as an event carries it.
 *
 * @param name the name of a property defined in the plan, or a preset {@code $} property
 * @param required whether every record of the event must carry it (a null value counts as absent)
 */
public record EventProperty(String name, boolean required) {

  public static EventProperty required(String name) {
    return new EventProperty(name, true);
  }

  public static EventProperty optional(String name) {
    return new EventProperty(name, false);
  }
}
