package dev.sextant.query.sql;

import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.time.LocalDate;
import java.util.List;

/**
 * A property column's value in a result row, in the form {@code GroupKey} and the reference
 * implementation use: the same Java value whichever engine stored it.
 */
public final class PropertyValueReader {

  private PropertyValueReader() {}

  public static Object read(Object raw, ColumnType type) {
    if (raw == null) {
      return null;
    }
    return switch (type) {
      case STRING -> raw.toString();
      case NUMBER -> QueryRows.asDecimal(raw);
      case BOOL -> raw instanceof Boolean b ? b : QueryRows.asLong(raw) != 0;
      // ClickHouse keeps days since 1970-01-01; DuckDB's DATE arrives as yyyy-MM-dd.
      case DATE ->
          raw instanceof String s ? s : LocalDate.ofEpochDay(QueryRows.asLong(raw)).toString();
      case LIST -> {
        List<?> list = (List<?>) raw;
        yield list.isEmpty() ? null : list.stream().map(Object::toString).toList();
      }
      case DATETIME -> throw new IllegalArgumentException("DATETIME values are not read back");
    };
  }
}
