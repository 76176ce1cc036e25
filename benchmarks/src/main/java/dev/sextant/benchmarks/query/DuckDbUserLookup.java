package dev.sextant.benchmarks.query;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How DuckDB finds one user's events by a list of distinct ids (a login id and the anonymous id it
 * was linked from): an {@code IN} list against the {@code IN} subquery over {@code VALUES} that
 * {@code DuckDbEventStatements.distinctIdIn} writes, and one id with {@code =}, over the same
 * generated rows in one run. Best of 7 per shape; single-threaded, in memory.
 *
 * <p>{@code java -cp <classpath> dev.sextant.benchmarks.query.DuckDbUserLookup [rows]}
 */
public final class DuckDbUserLookup {

  private static final String ORDER = " ORDER BY time_ms DESC, insert_id DESC LIMIT 100";

  private DuckDbUserLookup() {}

  public static void main(String[] args) throws SQLException {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute(
          "CREATE TABLE e AS SELECT 'demo' AS project, 'u-' || (i % 60000) AS distinct_id,"
              + " i * 1000 AS time_ms, 'ins-' || i AS insert_id, 'ev' || (i % 40) AS event"
              + " FROM range("
              + rows
              + ") t(i)");
      String where = "SELECT * FROM e WHERE project = 'demo' AND ";
      time(connection, "two ids, IN list", where + "distinct_id IN ('u-123', 'u-456')" + ORDER);
      time(
          connection,
          "two ids, IN subquery",
          where
              + "distinct_id IN (SELECT CAST(id AS VARCHAR) FROM (VALUES ('u-123'), ('u-456'))"
              + " AS ids(id))"
              + ORDER);
      time(connection, "one id, =", where + "distinct_id = 'u-123'" + ORDER);
    }
  }

  private static void time(Connection connection, String name, String sql) throws SQLException {
    long best = Long.MAX_VALUE;
    int found = 0;
    try (Statement statement = connection.createStatement()) {
      for (int i = 0; i < 7; i++) {
        long start = System.nanoTime();
        found = 0;
        try (ResultSet result = statement.executeQuery(sql)) {
          while (result.next()) {
            found++;
          }
        }
        best = Math.min(best, System.nanoTime() - start);
      }
    }
    System.out.printf("%-22s %7.1f ms  (%d rows)%n", name, best / 1e6, found);
  }
}
