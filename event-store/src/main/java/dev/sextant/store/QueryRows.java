package dev.sextant.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rows of a query, with values in one Java form whatever the engine: integers as {@code Long},
 * other numbers as {@code BigDecimal}, text as {@code String}, booleans as {@code Boolean}, arrays
 * as {@code List}, SQL NULL as {@code null}. Readers convert by position.
 *
 * @param columns the column names, in order
 * @param rows each row's values, in column order
 */
public record QueryRows(List<String> columns, List<List<Object>> rows) {

  public QueryRows {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  public int size() {
    return rows.size();
  }

  /** A value as a {@code long}; a BigDecimal must be integral, a Boolean is 1 or 0. */
  public static long asLong(Object value) {
    return switch (Objects.requireNonNull(value, "a NULL where a number was expected")) {
      case Long l -> l;
      case Integer i -> i;
      case BigDecimal d -> d.longValueExact();
      case Boolean b -> b ? 1 : 0;
      default -> throw new IllegalArgumentException("not a number: " + value);
    };
  }

  /** A value as a BigDecimal without trailing zeros, or null. */
  public static BigDecimal asDecimal(Object value) {
    return switch (value) {
      case null -> null;
      case Long l -> BigDecimal.valueOf(l);
      case Integer i -> BigDecimal.valueOf(i);
      case BigDecimal d -> d.stripTrailingZeros();
      default -> throw new IllegalArgumentException("not a number: " + value);
    };
  }

  /** A list value as a list of longs; null reads as empty. */
  public static List<Long> asLongs(Object value) {
    if (value == null) {
      return List.of();
    }
    List<Long> longs = new ArrayList<>();
    for (Object element : (List<?>) value) {
      longs.add(asLong(element));
    }
    return longs;
  }
}
