package dev.sextant.registry.validation;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.EventProperty;
import dev.sextant.registry.plan.PlanNames;
import dev.sextant.registry.plan.PresetEvent;
import dev.sextant.registry.plan.PresetEvents;
import dev.sextant.registry.plan.PresetProperties;
import dev.sextant.registry.plan.PresetProperty;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.plan.UnknownDataPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one record against a tracking plan and lists every problem at once. Compiled once per plan
 * version, then called for every record on the collector's hot path.
 *
 * <p>Each event is compiled to one hash table of the properties it may carry (its own, the common
 * ones and the presets), each with a precompiled {@link PropertyCheck}. A conforming record costs
 * one lookup and one check per property and allocates nothing; only a record that fails is walked
 * again to explain every reason.
 *
 * <p>In a permissive project an unknown event or property is accepted (if its name is allowed and
 * its type can be inferred) and reported in {@link ValidationResult#drafts()}, for the collector to
 * register; a defined property's type, enum, bounds and PII class are enforced as in a strict one.
 */
public final class EventValidator {

  private record Slot(PropertyCheck check, boolean required) {}

  private record CompiledEvent(boolean inPlan, Map<String, Slot> slots, List<String> required) {}

  private final UnknownDataPolicy policy;
  private final Map<String, PropertyCheck> projectProperties;
  private final Map<String, Slot> projectSlots;
  private final Map<String, CompiledEvent> events;

  private EventValidator(TrackingPlan plan) {
    policy = plan.settings().unknownDataPolicy();
    projectProperties = new HashMap<>();
    for (PropertyDefinition property : plan.properties()) {
      if (property.name() != null && property.type() != null) {
        projectProperties.put(property.name(), PropertyCheck.of(property));
      }
    }
    // Presets last: only the system defines $ names.
    for (PresetProperty preset : PresetProperties.all()) {
      projectProperties.put(preset.name(), PropertyCheck.of(preset));
    }
    projectSlots = new HashMap<>();
    projectProperties.forEach((name, check) -> projectSlots.put(name, new Slot(check, false)));
    Map<String, Slot> everyEvent = new HashMap<>();
    PresetProperties.all()
        .forEach(p -> everyEvent.put(p.name(), new Slot(projectProperties.get(p.name()), false)));
    for (PropertyDefinition property : plan.properties()) {
      if (property.common() && projectProperties.containsKey(property.name())) {
        everyEvent.putIfAbsent(
            property.name(), new Slot(projectProperties.get(property.name()), false));
      }
    }
    events = new HashMap<>();
    for (PresetEvent preset : PresetEvents.all()) {
      events.put(preset.name(), new CompiledEvent(false, everyEvent, List.of()));
    }
    for (EventDefinition event : plan.events()) {
      events.put(event.name(), compile(event, everyEvent));
    }
  }

  private CompiledEvent compile(EventDefinition event, Map<String, Slot> everyEvent) {
    Map<String, Slot> slots = new HashMap<>(everyEvent);
    List<String> required = new ArrayList<>();
    for (EventProperty property : event.properties()) {
      PropertyCheck check = projectProperties.get(property.name());
      if (check != null) {
        slots.put(property.name(), new Slot(check, property.required()));
        if (property.required()) {
          required.add(property.name());
        }
      }
    }
    return new CompiledEvent(true, slots, List.copyOf(required));
  }

  public static EventValidator compile(TrackingPlan plan) {
    return new EventValidator(plan);
  }

  /** Every way the record breaks the plan; empty when it conforms. */
  public List<QuarantineReason> validate(String eventName, Map<String, Object> properties) {
    return check(eventName, properties).reasons();
  }

  /** The verdict on a record: its reasons, or, in a permissive project, what to register. */
  public ValidationResult check(String eventName, Map<String, Object> properties) {
    CompiledEvent compiled = eventName == null ? null : events.get(eventName);
    if (compiled != null && conforms(compiled, properties)) {
      return ValidationResult.CONFORMS;
    }
    return explain(eventName, compiled, properties);
  }

  private static boolean conforms(CompiledEvent event, Map<String, Object> properties) {
    Map<String, Slot> slots = event.slots();
    int requiredSeen = 0;
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      Slot slot = slots.get(property.getKey());
      if (slot == null || !slot.check().accepts(property.getValue())) {
        return false;
      }
      if (slot.required()) {
        requiredSeen++;
      }
    }
    return requiredSeen == event.required().size();
  }

  private ValidationResult explain(
      String eventName, CompiledEvent compiled, Map<String, Object> properties) {
    boolean permissive = policy == UnknownDataPolicy.PERMISSIVE;
    List<QuarantineReason> reasons = new ArrayList<>();
    List<DraftProperty> drafts = new ArrayList<>();
    boolean newEvent = compiled == null || !compiled.inPlan();
    Map<String, Slot> slots;
    if (compiled == null) {
      slots = projectSlots;
      Optional<PlanNames.Problem> problem = PlanNames.problemWith(eventName);
      if (!permissive || problem.isPresent()) {
        reasons.add(unknownEvent(eventName, permissive ? problem : Optional.empty()));
      }
    } else {
      slots = compiled.slots();
      for (String name : compiled.required()) {
        if (properties.get(name) == null) {
          reasons.add(
              new QuarantineReason(
                  QuarantineCode.MISSING_REQUIRED_PROPERTY,
                  "properties." + name,
                  "event '" + eventName + "' requires property '" + name + "'"));
        }
      }
    }
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      String name = property.getKey();
      Object value = property.getValue();
      Slot slot = slots.get(name);
      if (slot != null) {
        if (!(slot.required() && value == null)) {
          slot.check().explain(value).ifPresent(reasons::add);
        }
        if (compiled == null && permissive && !PresetProperties.contains(name)) {
          drafts.add(new DraftProperty(name, slot.check().type(), false));
        }
      } else {
        explainUnlisted(eventName, name, value, permissive, reasons, drafts);
      }
    }
    if (!reasons.isEmpty()) {
      return new ValidationResult(reasons, Optional.empty());
    }
    if (drafts.isEmpty() && !(compiled == null && permissive)) {
      return ValidationResult.CONFORMS;
    }
    return new ValidationResult(
        List.of(), Optional.of(new DraftRegistration(eventName, newEvent, drafts)));
  }

  /** A property the event does not list: quarantined, or in a permissive project a draft. */
  private void explainUnlisted(
      String eventName,
      String name,
      Object value,
      boolean permissive,
      List<QuarantineReason> reasons,
      List<DraftProperty> drafts) {
    PropertyCheck defined = projectProperties.get(name);
    String path = "properties." + name;
    if (!permissive) {
      if (defined != null && defined.isForbidden()) {
        defined.explain(value).ifPresent(reasons::add);
        return;
      }
      reasons.add(
          new QuarantineReason(
              QuarantineCode.UNKNOWN_PROPERTY,
              path,
              defined != null
                  ? "property '"
                      + name
                      + "' is not listed for event '"
                      + eventName
                      + "' in the tracking plan"
                  : "property '" + name + "' is not in the tracking plan"));
      return;
    }
    if (defined != null) {
      Optional<QuarantineReason> reason = defined.explain(value);
      reason.ifPresentOrElse(
          reasons::add, () -> drafts.add(new DraftProperty(name, defined.type(), false)));
      return;
    }
    Optional<PlanNames.Problem> problem = PlanNames.problemWith(name);
    Optional<PropertyType> type = TypeInference.typeOf(value);
    if (problem.isPresent() || type.isEmpty()) {
      reasons.add(
          new QuarantineReason(
              QuarantineCode.UNKNOWN_PROPERTY,
              path,
              "property '"
                  + name
                  + "' is not in the tracking plan and cannot be registered: "
                  + problem
                      .map(p -> PlanNames.describe(p, "property", name))
                      .orElseGet(() ->
                          "no type can be inferred from " + PropertyCheck.describeValue(value))));
      return;
    }
    drafts.add(new DraftProperty(name, type.get(), true));
  }

  private static QuarantineReason unknownEvent(
      String eventName, Optional<PlanNames.Problem> registrationProblem) {
    String message = "event '" + eventName + "' is not in the tracking plan";
    return new QuarantineReason(
        QuarantineCode.UNKNOWN_EVENT,
        "event",
        registrationProblem
            .map(p ->
                message + " and cannot be registered: " + PlanNames.describe(p, "event", eventName))
            .orElse(message));
  }
}
