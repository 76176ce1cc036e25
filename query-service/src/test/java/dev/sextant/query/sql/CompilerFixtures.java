package dev.sextant.query.sql;

import dev.sextant.store.ColumnType;
import java.util.List;
import java.util.Map;

/** The project, columns and dialects the compiler unit tests compile against. */
final class CompilerFixtures {

  static final List<SqlDialect> DIALECTS = List.of(new ClickHouseDialect(), new DuckDbDialect());

  static final Map<String, ColumnType> COLUMNS =
      Map.of(
          "$os", ColumnType.STRING,
          "$url", ColumnType.STRING,
          "amount", ColumnType.NUMBER,
          "vip", ColumnType.BOOL,
          "tags", ColumnType.LIST);

  private CompilerFixtures() {}

  static EventSource source(SqlDialect dialect) {
    return new EventSource(dialect, "demo", PropertyCatalog.ofColumns(COLUMNS));
  }
}
