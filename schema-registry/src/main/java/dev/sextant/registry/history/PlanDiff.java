package dev.sextant.registry.history;

import dev.sextant.registry.plan.BusinessLine;
import dev.sextant.registry.plan.EnumValue;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.EventProperty;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What changed between two versions of a plan, item by item and field by field, in a stable order:
 * settings, business lines, properties, events; within each, by name. Pure.
 */
public final class PlanDiff {

  private record Field<T>(String name, Function<T, Object> value) {}

  private static final List<Field<BusinessLine>> LINE_FIELDS =
      List.of(
          new Field<>("event_prefix", BusinessLine::eventPrefix),
          new Field<>("display_name", BusinessLine::displayName),
          new Field<>("display_name_en", BusinessLine::displayNameEn),
          new Field<>("owner", BusinessLine::owner));

  private static final List<Field<PropertyDefinition>> PROPERTY_FIELDS =
      List.of(
          new Field<>("display_name", PropertyDefinition::displayName),
          new Field<>("display_name_en", PropertyDefinition::displayNameEn),
          new Field<>("description", PropertyDefinition::description),
          new Field<>("type", PropertyDefinition::type),
          new Field<>("unit", PropertyDefinition::unit),
          new Field<>("max_length", PropertyDefinition::maxLength),
          new Field<>("min", PropertyDefinition::min),
          new Field<>("max", PropertyDefinition::max),
          new Field<>("pii", PropertyDefinition::pii),
          new Field<>("collected_by", PropertyDefinition::collectedBy),
          new Field<>("common", PropertyDefinition::common),
          new Field<>("status", PropertyDefinition::status));

  private static final List<Field<EventDefinition>> EVENT_FIELDS =
      List.of(
          new Field<>("display_name", EventDefinition::displayName),
          new Field<>("display_name_en", EventDefinition::displayNameEn),
          new Field<>("description", EventDefinition::description),
          new Field<>("business_line", EventDefinition::businessLine),
          new Field<>("collected_by", EventDefinition::collectedBy),
          new Field<>("trigger", EventDefinition::trigger),
          new Field<>("status", EventDefinition::status));

  private static final List<Field<EnumValue>> ENUM_VALUE_FIELDS =
      List.of(
          new Field<>("label", EnumValue::label),
          new Field<>("label_en", EnumValue::labelEn),
          new Field<>("deprecated", EnumValue::deprecated));

  private final List<PlanChange> changes = new ArrayList<>();

  private PlanDiff() {}

  /** The changes from {@code before} (none for a new project) to {@code after}. */
  public static List<PlanChange> between(Optional<TrackingPlan> before, TrackingPlan after) {
    TrackingPlan empty = new TrackingPlan(after.project(), 0, after.settings(), null, null, null);
    PlanDiff diff = new PlanDiff();
    diff.compare(before.orElse(empty).normalized(), after.normalized());
    return List.copyOf(diff.changes);
  }

  private void compare(TrackingPlan before, TrackingPlan after) {
    field(
        "settings.unknown_data_policy",
        before.settings().unknownDataPolicy(),
        after.settings().unknownDataPolicy());
    field("settings.time_zone", before.settings().timeZone(), after.settings().timeZone());
    items(
        "business_lines",
        byName(before.businessLines(), BusinessLine::name),
        byName(after.businessLines(), BusinessLine::name),
        (path, b, a) -> fields(path, LINE_FIELDS, b, a));
    items(
        "properties",
        byName(before.properties(), PropertyDefinition::name),
        byName(after.properties(), PropertyDefinition::name),
        this::compareProperty);
    items(
        "events",
        byName(before.events(), EventDefinition::name),
        byName(after.events(), EventDefinition::name),
        this::compareEvent);
  }

  private void compareProperty(String path, PropertyDefinition before, PropertyDefinition after) {
    fields(path, PROPERTY_FIELDS, before, after);
    items(
        path + ".values",
        byName(before.values(), EnumValue::value),
        byName(after.values(), EnumValue::value),
        (valuePath, b, a) -> fields(valuePath, ENUM_VALUE_FIELDS, b, a));
    List<String> beforeOrder = before.values().stream().map(EnumValue::value).toList();
    List<String> afterOrder = after.values().stream().map(EnumValue::value).toList();
    if (beforeOrder.size() == afterOrder.size()
        && beforeOrder.containsAll(afterOrder)
        && !beforeOrder.equals(afterOrder)) {
      changes.add(
          PlanChange.changed(
              path + ".values", String.join(", ", beforeOrder), String.join(", ", afterOrder)));
    }
  }

  private void compareEvent(String path, EventDefinition before, EventDefinition after) {
    fields(path, EVENT_FIELDS, before, after);
    items(
        path + ".properties",
        byName(before.properties(), EventProperty::name),
        byName(after.properties(), EventProperty::name),
        (propertyPath, b, a) -> field(propertyPath + ".required", b.required(), a.required()));
  }

  private interface ItemComparison<T> {
    void compare(String path, T before, T after);
  }

  private <T> void items(
      String path, Map<String, T> before, Map<String, T> after, ItemComparison<T> comparison) {
    before.forEach((name, item) -> {
      if (!after.containsKey(name)) {
        changes.add(PlanChange.removed(path + "." + name));
      }
    });
    after.forEach((name, item) -> {
      T old = before.get(name);
      if (old == null) {
        changes.add(PlanChange.added(path + "." + name));
      } else {
        comparison.compare(path + "." + name, old, item);
      }
    });
  }

  private <T> void fields(String path, List<Field<T>> fields, T before, T after) {
    for (Field<T> f : fields) {
      field(path + "." + f.name(), f.value().apply(before), f.value().apply(after));
    }
  }

  private void field(String path, Object before, Object after) {
    String b = text(before);
    String a = text(after);
    if (!Objects.equals(b, a)) {
      changes.add(PlanChange.changed(path, b, a));
    }
  }

  private static String text(Object value) {
    return switch (value) {
      case null -> null;
      case BigDecimal number -> number.stripTrailingZeros().toPlainString();
      default -> value.toString();
    };
  }

  /** Items by name in their given order; the first wins when a name repeats. */
  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      String key = name.apply(item);
      if (key != null) {
        map.putIfAbsent(key, item);
      }
    }
    return map;
  }
}
