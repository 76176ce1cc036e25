package dev.sextant.registry.columns;

import dev.sextant.registry.plan.PresetProperties;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyTypes;
import java.util.Optional;
import java.util.function.Function;

/**
 * The event store's column types from the project's tracking plan: the plan's own properties first,
 * then the Sensors presets every project knows. Used by whoever writes events (the sink, the
 * embedded publisher), each with its own plan storage; the store itself knows nothing of plans.
 */
public final class PlanPropertyTypes implements PropertyTypes {

  private final Function<String, Optional<TrackingPlan>> plans;

  public PlanPropertyTypes(PlanStorage plans) {
    this.plans = plans::find;
  }

  private PlanPropertyTypes(Function<String, Optional<TrackingPlan>> plans) {
    this.plans = plans;
  }

  /** The types of one plan, whatever the project asked about: for a store loaded from it alone. */
  public static PlanPropertyTypes of(TrackingPlan plan) {
    return new PlanPropertyTypes(project -> Optional.of(plan));
  }

  @Override
  public Optional<ColumnType> typeOf(String project, String property) {
    Optional<PropertyType> planned =
        plans
            .apply(project)
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
