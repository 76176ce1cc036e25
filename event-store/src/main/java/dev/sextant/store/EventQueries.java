package dev.sextant.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only SQL over a project's events, for the query service's compiled analyses. The store runs
 * what it is given in its own dialect; it never builds analysis SQL itself. Both adapters implement
 * it next to {@link EventStore}.
 */
public interface EventQueries {

  /** The SQL dialects the query service compiles for. */
  enum Engine {
    CLICKHOUSE,
    DUCKDB
  }

  /** Which dialect {@link #select} speaks. */
  Engine engine();

  /**
   * The property columns of a project's events table as they exist now, with their types; empty
   * when the project has stored no events yet (it has no table, and queries on it would fail).
   */
  Optional<Map<String, ColumnType>> propertyColumns(String project);

  /**
   * Runs one read-only query and returns all its rows.
   *
   * @param sql a SELECT in the engine's dialect
   * @param timeout after this the engine stops the query and the call throws {@link
   *     QueryTimeoutException}
   */
  QueryRows select(String sql, Duration timeout);

  /**
   * Runs one read-only query and returns its rows, but stops reading once it has more than {@code
   * maxRows}: an answer too large to use is not read whole (into the engine's result buffers and
   * this process's memory) only to be refused. The caller tells a complete answer from a cut one by
   * its size: more than {@code maxRows} rows means there were more.
   *
   * @param maxRows the most rows the caller can use; the answer holds at most a few more
   */
  default QueryRows select(String sql, Duration timeout, int maxRows) {
    return select(sql, timeout);
  }
}
