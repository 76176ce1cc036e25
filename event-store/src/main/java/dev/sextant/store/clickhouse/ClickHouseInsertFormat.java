package dev.sextant.store.clickhouse;

/**
 * The input format of event inserts. Both are read the same way by 18.16 and current servers; the
 * other inserts (quarantine, links, profile and item updates: few rows) are always {@code
 * JSONEachRow}.
 */
public enum ClickHouseInsertFormat {
  /** One JSON object per line: numbers and times as text, which both sides format and parse. */
  JSON_EACH_ROW("JSONEachRow"),
  /** Binary values in column order ({@link RowBinaryEvents}): nothing formatted or parsed. */
  ROW_BINARY("RowBinary");

  private final String sqlName;

  ClickHouseInsertFormat(String sqlName) {
    this.sqlName = sqlName;
  }

  /** The name in a {@code FORMAT} clause. */
  public String sqlName() {
    return sqlName;
  }
}
