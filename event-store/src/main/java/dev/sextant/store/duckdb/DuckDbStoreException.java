package dev.sextant.store.duckdb;

/** DuckDB refused or failed a read or a write of the event store; the cause says why. */
public final class DuckDbStoreException extends RuntimeException {

  public DuckDbStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
