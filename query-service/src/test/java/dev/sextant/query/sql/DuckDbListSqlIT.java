package dev.sextant.query.sql;

import dev.sextant.store.EventQueries;
import dev.sextant.store.duckdb.DuckDbEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The dialect's list operations on DuckDB, in memory. */
class DuckDbListSqlIT extends ListSqlContract {

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
