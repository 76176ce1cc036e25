package dev.sextant.query.sequence;

import dev.sextant.store.EventStore;
import dev.sextant.store.duckdb.DuckDbEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The action sequence's filters and pages on DuckDB, in memory. */
class DuckDbUserSequenceIT extends UserSequenceContract {

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
  protected EventStore store() {
    return store;
  }
}
