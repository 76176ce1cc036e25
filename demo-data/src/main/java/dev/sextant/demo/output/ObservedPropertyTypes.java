package dev.sextant.demo.output;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyTypes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The column types of the simulation's properties, learned from the values it generates (which
 * conform to the demo plan, so they are the plan's types): a store loading demo data needs no
 * tracking plan. Call {@link #observe} on a batch before appending it.
 */
public final class ObservedPropertyTypes implements PropertyTypes {

  private final Map<String, ColumnType> types = new ConcurrentHashMap<>();

  /** Learns the types of the batch's properties not seen before. */
  public void observe(List<TrackedEvent> batch) {
    for (TrackedEvent event : batch) {
      for (Map.Entry<String, Object> property : event.properties().entrySet()) {
        if (!types.containsKey(property.getKey())) {
          types.put(property.getKey(), typeOf(property.getValue()));
        }
      }
    }
  }

  @Override
  public Optional<ColumnType> typeOf(String project, String property) {
    return Optional.ofNullable(types.get(property));
  }

  private static ColumnType typeOf(Object value) {
    return switch (value) {
      case Long l -> ColumnType.NUMBER;
      case BigDecimal d -> ColumnType.NUMBER;
      case Boolean b -> ColumnType.BOOL;
      case List<?> list -> ColumnType.LIST;
      default -> ColumnType.STRING;
    };
  }
}
