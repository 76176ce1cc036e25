package dev.sextant.collector.web;

/** A request carried more records than one request may. */
public final class TooManyRecordsException extends RuntimeException {

  public TooManyRecordsException(int sent, int limit) {
    super("a request may carry at most " + limit + " records, this one has " + sent);
  }
}
