package dev.sextant.server.segments;

import dev.sextant.query.sql.DuckDbDialect;
import dev.sextant.query.sql.SqlDialect;
import dev.sextant.store.EventQueries;
import dev.sextant.store.UserLists;
import dev.sextant.store.duckdb.DuckDbEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The case study on DuckDB, in memory. */
class DuckDbCaseStudyIT extends CaseStudyScenario {

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
  protected UserLists lists() {
    return store;
  }

  @Override
  protected SqlDialect dialect() {
    return new DuckDbDialect();
  }
}
