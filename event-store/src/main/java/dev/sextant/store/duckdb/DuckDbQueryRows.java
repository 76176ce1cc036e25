package dev.sextant.store.duckdb;

import dev.sextant.store.QueryRows;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads a JDBC result into {@link QueryRows}, in the Java forms that type documents. */
final class DuckDbQueryRows {

  private DuckDbQueryRows() {}

  static QueryRows read(ResultSet result) throws SQLException {
    return read(result, Integer.MAX_VALUE);
  }

  /** The rows, but no more than {@code atMost}. */
  static QueryRows read(ResultSet result, int atMost) throws SQLException {
    ResultSetMetaData meta = result.getMetaData();
    int count = meta.getColumnCount();
    List<String> columns = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rows.size() < atMost && result.next()) {
      List<Object> row = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        row.add(normalize(result.getObject(i)));
      }
      rows.add(row);
    }
    return new QueryRows(columns, rows);
  }

  /** Sums of BIGINT are HUGEINT (BigInteger) in DuckDB; lists arrive as JDBC arrays. */
  static Object normalize(Object value) throws SQLException {
    return switch (value) {
      case null -> null;
      case Long l -> l;
      case Integer i -> (long) i;
      case Short s -> (long) s;
      case Byte b -> (long) b;
      case BigInteger big ->
          big.bitLength() < Long.SIZE ? (Object) big.longValue() : new BigDecimal(big);
      case BigDecimal decimal -> decimal;
      case Double d -> BigDecimal.valueOf(d);
      case Float f -> BigDecimal.valueOf(f);
      case Boolean b -> b;
      case String s -> s;
      case LocalDate date -> date.toString();
      case Array array -> {
        List<Object> list = new ArrayList<>();
        for (Object element : (Object[]) array.getArray()) {
          list.add(normalize(element));
        }
        yield list;
      }
      default -> value.toString();
    };
  }
}
