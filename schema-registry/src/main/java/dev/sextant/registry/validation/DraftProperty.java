package dev.sextant.registry.validation;

import dev.sextant.registry.plan.PropertyType;

/**
 * A property a permissive project received on an event that does not list it.
 *
 * @param name the property name
 * @param type the project's type for it, or the type inferred from the value when it is new
 * @param newToProject whether the plan defines no property of this name yet (else only the event's
 *     list lacks it)
 */
public record DraftProperty(String name, PropertyType type, boolean newToProject) {}
