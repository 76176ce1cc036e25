package dev.sextant.registry.validation;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.EventProperty;
import dev.sextant.registry.plan.PresetProperties;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one event against a tracking plan and lists every problem at once. Compiled once per plan
 * version (lookups by hash), then called for every record: it is on the collector's hot path.
 */
public final class EventValidator {

  private final Map<String, EventDefinition> events = new HashMap<>();
  private final Map<String, PropertyType> propertyTypes = new HashMap<>();

  private EventValidator(TrackingPlan plan) {
    plan.events().forEach(e -> events.put(e.name(), e));
    plan.properties().forEach(p -> propertyTypes.put(p.name(), p.type()));
  }

  public static EventValidator compile(TrackingPlan plan) {
    return new EventValidator(plan);
  }

  /** Every way the event breaks the plan; empty when it conforms. */
  public List<QuarantineReason> validate(String eventName, Map<String, Object> properties) {
    List<QuarantineReason> reasons = new ArrayList<>();
    EventDefinition definition = events.get(eventName);
    if (definition == null) {
      reasons.add(
          new QuarantineReason(
              QuarantineCode.UNKNOWN_EVENT,
              "event",
              "event '" + eventName + "' is not in the tracking plan"));
    } else {
      checkRequired(definition, properties, reasons);
    }
    properties.forEach((name, value) -> checkProperty(name, value, reasons));
    return reasons;
  }

  private static void checkRequired(
      EventDefinition definition, Map<String, Object> properties, List<QuarantineReason> reasons) {
    for (EventProperty property : definition.properties()) {
      if (property.required() && properties.get(property.name()) == null) {
        reasons.add(
            new QuarantineReason(
                QuarantineCode.MISSING_REQUIRED_PROPERTY,
                "properties." + property.name(),
                "event '" + definition.name() + "' requires property '" + property.name() + "'"));
      }
    }
  }

  private void checkProperty(String name, Object value, List<QuarantineReason> reasons) {
    Optional<PropertyType> type = typeOf(name);
    if (type.isEmpty()) {
      reasons.add(
          new QuarantineReason(
              QuarantineCode.UNKNOWN_PROPERTY,
              "properties." + name,
              "property '" + name + "' is not in the tracking plan"));
    } else if (!PropertyValues.conforms(type.get(), value)) {
      reasons.add(
          new QuarantineReason(
              QuarantineCode.TYPE_MISMATCH,
              "properties." + name,
              "property '"
                  + name
                  + "' must be "
                  + PropertyValues.describe(type.get())
                  + ", got "
                  + PropertyValues.describeValue(value)));
    }
  }

  private Optional<PropertyType> typeOf(String name) {
    PropertyType declared = propertyTypes.get(name);
    return declared != null ? Optional.of(declared) : PresetProperties.typeOf(name);
  }
}
