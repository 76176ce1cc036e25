package dev.sextant.collector.embedded;

import dev.sextant.registry.plan.PresetProperties;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyTypes;
import java.util.Optional;

/**
 * The event store's column types from the project's tracking plan: the plan's own properties first,
 * then the Sensors presets every project knows. The sink has the same class: each side of the two
 * run modes asks its own plan storage.
 */
final class PlanPropertyTypes implements PropertyTypes {

  private final PlanStorage plans;

  PlanPropertyTypes(PlanStorage plans) {
    this.plans = plans;
  }

  @Override
  public Optional<ColumnType> typeOf(String project, String property) {
    Optional<PropertyType> planned =
        plans
            .find(project)
            .flatMap(plan -> plan.property(property))
            .map(PropertyDefinition::type)
            .or(() -> PresetProperties.typeOf(property));
    return planned.map(PlanPropertyTypes::columnType);
  }

  static ColumnType columnType(PropertyType type) {
    return switch (type) {
      case NUMBER -> ColumnType.NUMBER;
      case STRING -> ColumnType.STRING;
      case BOOL -> ColumnType.BOOL;
      case DATETIME -> ColumnType.DATETIME;
      case DATE -> ColumnType.DATE;
      case LIST -> ColumnType.LIST;
    };
  }
}
