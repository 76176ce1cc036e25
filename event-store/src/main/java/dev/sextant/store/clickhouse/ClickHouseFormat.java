package dev.sextant.store.clickhouse;

/** Output formats that ClickHouse 18.16 and current servers both write the same way. */
public enum ClickHouseFormat {
  /** Tab-separated rows with backslash escapes, no header. */
  TAB_SEPARATED("TabSeparated"),
  /** Tab-separated rows after a row of names and a row of types. */
  TAB_SEPARATED_WITH_NAMES_AND_TYPES("TabSeparatedWithNamesAndTypes"),
  /** One JSON object per line; 64-bit integers are written as JSON strings by default. */
  JSON_EACH_ROW("JSONEachRow"),
  /** One JSON document with {@code meta}, {@code data} as arrays, and statistics. */
  JSON_COMPACT("JSONCompact");

  private final String sqlName;

  ClickHouseFormat(String sqlName) {
    this.sqlName = sqlName;
  }

  /** The name in a {@code FORMAT} clause. */
  public String sqlName() {
    return sqlName;
  }
}
