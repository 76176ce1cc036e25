package dev.sextant.query.sql;

import dev.sextant.store.QueryRows;
import java.math.BigDecimal;
import java.util.List;

/** Reads test query values whatever Java type the engine's driver gives them. */
final class QueryRowsValues {

  private QueryRowsValues() {}

  static long longValue(Object value) {
    return value instanceof Number number && !(value instanceof BigDecimal)
        ? number.longValue()
        : QueryRows.asLong(value);
  }

  static List<Long> longs(Object list) {
    return ((List<?>) list).stream().map(QueryRowsValues::longValue).toList();
  }

  static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal d
        ? d.stripTrailingZeros()
        : new BigDecimal(value.toString()).stripTrailingZeros();
  }
}
