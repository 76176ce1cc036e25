package dev.sextant.query.ingestion;

import dev.sextant.store.EventQueries;
import dev.sextant.store.duckdb.DuckDbEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ingestion report on DuckDB, in memory. */
class DuckDbIngestionIT extends IngestionContract {

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
}
