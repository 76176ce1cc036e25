package dev.sextant.registry.validation;

import dev.sextant.registry.plan.PropertyType;
import java.util.List;
import java.util.Optional;

/**
 * The type a permissive project registers for a new property, from the first value it sees: the way
 * Sensors Analytics infers it. A string in the Sensors date or datetime form becomes DATE or
 * DATETIME.
 */
final class TypeInference {

  private TypeInference() {}

  static Optional<PropertyType> typeOf(Object value) {
    return switch (value) {
      case null -> Optional.empty();
      case Number n -> Optional.of(PropertyType.NUMBER);
      case Boolean b -> Optional.of(PropertyType.BOOL);
      case String s when SensorsTimes.isDateTime(s) -> Optional.of(PropertyType.DATETIME);
      case String s when SensorsTimes.isDate(s) -> Optional.of(PropertyType.DATE);
      case String s -> Optional.of(PropertyType.STRING);
      case List<?> list when list.stream().allMatch(String.class::isInstance) ->
          Optional.of(PropertyType.LIST);
      default -> Optional.empty();
    };
  }
}
