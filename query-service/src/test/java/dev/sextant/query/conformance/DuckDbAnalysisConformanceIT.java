package dev.sextant.query.conformance;

import dev.sextant.query.sql.DuckDbDialect;
import dev.sextant.query.sql.SqlDialect;
import dev.sextant.store.EventQueries;
import dev.sextant.store.duckdb.DuckDbEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance suite on DuckDB, in memory. */
class DuckDbAnalysisConformanceIT extends AnalysisConformance {

  private static DuckDbEventStore store;

  @BeforeAll
  static void loadStore() {
    store = DuckDbEventStore.inMemory();
    load(store);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @Override
  protected EventQueries queries() {
    return store;
  }

  @Override
  protected SqlDialect dialect() {
    return new DuckDbDialect();
  }
}
