package dev.sextant.query.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The values of the group-by properties of one group, in the order requested. A value is a String,
 * a BigDecimal without trailing zeros, a Boolean, a List of String, or null when the event lacks
 * the property.
 */
public record GroupKey(List<Object> values) {

  /**
   * The order in which results list groups, by the text of their values: every engine's results and
   * the reference's come in it, so they compare with {@code equals}.
   */
  public static final Comparator<GroupKey> ORDER =
      Comparator.comparing(key -> key.values().toString());

  /** The key of an analysis without group-by. */
  public static final GroupKey NONE = new GroupKey(List.of());

  public GroupKey {
    List<Object> copy = new ArrayList<>(values.size());
    for (Object value : values) {
      copy.add(normalize(value));
    }
    values = Collections.unmodifiableList(copy);
  }

  public static GroupKey of(Object... values) {
    return new GroupKey(Arrays.asList(values));
  }

  private static Object normalize(Object value) {
    return switch (value) {
      case null -> null;
      case BigDecimal number -> number.stripTrailingZeros();
      case Long number -> BigDecimal.valueOf(number);
      case Integer number -> BigDecimal.valueOf(number);
      case String text -> text;
      case Boolean bool -> bool;
      case List<?> list -> List.copyOf(list);
      default ->
          throw new IllegalArgumentException("not a property value: " + value.getClass().getName());
    };
  }
}
