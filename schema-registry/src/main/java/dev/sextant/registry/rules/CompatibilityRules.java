package dev.sextant.registry.rules;

import dev.sextant.registry.plan.DefinitionStatus;
import dev.sextant.registry.plan.EnumValue;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules of a change from the current version: nothing that would make stored data wrong, or
 * silently turn away the apps already sending it. A property keeps its type forever; an active
 * event, property or enumerated value is deprecated in one version before a later one removes it; a
 * published definition does not go back to draft; the project's time zone stays.
 */
final class CompatibilityRules {

  private final TrackingPlan current;
  private final TrackingPlan proposed;
  private final Violations violations = new Violations();

  private CompatibilityRules(TrackingPlan current, TrackingPlan proposed) {
    this.current = current;
    this.proposed = proposed;
  }

  static List<PlanViolation> check(TrackingPlan current, TrackingPlan proposed) {
    CompatibilityRules rules = new CompatibilityRules(current, proposed);
    rules.checkTimeZone();
    rules.checkProperties();
    rules.checkEvents();
    return rules.violations.toList();
  }

  private void checkTimeZone() {
    String before = current.settings().timeZone();
    String after = proposed.settings().timeZone();
    if (!before.equals(after)) {
      violations.add(
          "settings.time_zone",
          ViolationCode.TIME_ZONE_CHANGED,
          "the time zone stays "
              + before
              + ": stored DATETIME values and day boundaries are in it (asked for "
              + after
              + ")");
    }
  }

  private void checkProperties() {
    Map<String, Integer> indexes = indexByName(proposed.properties(), PropertyDefinition::name);
    for (PropertyDefinition before : current.properties()) {
      Integer index = indexes.get(before.name());
      if (index == null) {
        if (!before.status().isRemovable()) {
          violations.add(
              "properties",
              ViolationCode.ACTIVE_PROPERTY_REMOVED,
              "property '"
                  + before.name()
                  + "' is ACTIVE and cannot be removed or renamed at once: set its status to "
                  + "DEPRECATED in one version, then remove it in a later one");
        }
        continue;
      }
      PropertyDefinition after = proposed.properties().get(index);
      String path = "properties[" + index + "]";
      if (before.type() != null && after.type() != null && before.type() != after.type()) {
        violations.add(
            path + ".type",
            ViolationCode.TYPE_CHANGED,
            "property '"
                + before.name()
                + "' is "
                + before.type()
                + " and stays "
                + before.type()
                + ": stored values have that type. Define a property with a new name instead");
      }
      if (before.status() == DefinitionStatus.ACTIVE) {
        checkEnumValuesKept(path, before, after);
      }
      checkNotBackToDraft(path, "property", before.name(), before.status(), after.status());
    }
  }

  private void checkEnumValuesKept(
      String path, PropertyDefinition before, PropertyDefinition after) {
    Set<String> kept =
        after.values().stream().map(EnumValue::value).collect(Collectors.toUnmodifiableSet());
    for (EnumValue value : before.values()) {
      if (!value.deprecated() && !kept.contains(value.value())) {
        violations.add(
            path + ".values",
            ViolationCode.ENUM_VALUE_REMOVED,
            "value '"
                + value.value()
                + "' of ACTIVE property '"
                + before.name()
                + "' cannot be removed at once: mark it deprecated in one version, then remove it"
                + " in a later one");
      }
    }
  }

  private void checkEvents() {
    Map<String, Integer> indexes = indexByName(proposed.events(), EventDefinition::name);
    for (EventDefinition before : current.events()) {
      Integer index = indexes.get(before.name());
      if (index == null) {
        if (!before.status().isRemovable()) {
          violations.add(
              "events",
              ViolationCode.ACTIVE_EVENT_REMOVED,
              "event '"
                  + before.name()
                  + "' is ACTIVE and cannot be removed or renamed at once: set its status to "
                  + "DEPRECATED in one version, then remove it in a later one");
        }
        continue;
      }
      EventDefinition after = proposed.events().get(index);
      checkNotBackToDraft(
          "events[" + index + "]", "event", before.name(), before.status(), after.status());
    }
  }

  private void checkNotBackToDraft(
      String path, String kind, String name, DefinitionStatus before, DefinitionStatus after) {
    if (before != DefinitionStatus.DRAFT && after == DefinitionStatus.DRAFT) {
      violations.add(
          path + ".status",
          ViolationCode.BACK_TO_DRAFT,
          kind + " '" + name + "' is " + before + " and cannot go back to DRAFT");
    }
  }

  /** The index of each name's first occurrence. */
  private static <T> Map<String, Integer> indexByName(List<T> items, Function<T, String> name) {
    Map<String, Integer> indexes = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String key = name.apply(items.get(i));
      if (key != null) {
        indexes.putIfAbsent(key, i);
      }
    }
    return indexes;
  }
}
