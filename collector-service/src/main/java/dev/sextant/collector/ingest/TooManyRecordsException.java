package dev.sextant.collector.ingest;

/** A request carried more records than one request may (413); the sender must split it. */
public final class TooManyRecordsException extends RuntimeException {

  public TooManyRecordsException(int limit) {
    super("a request may carry at most " + limit + " records");
  }
}
