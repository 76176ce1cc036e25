package dev.sextant.store.clickhouse;

/**
 * A statement did not get a complete answer: the server was unreachable, the connection broke, the
 * caller was interrupted, or (as {@link ClickHouseTimeoutException}) it took too long. The
 * statement may or may not have run, so retrying is the caller's decision: safe for reads, and for
 * inserts only where duplicates are tolerated or removed later.
 */
public class ClickHouseTransportException extends RuntimeException {

  private final String queryId;

  public ClickHouseTransportException(String message, String queryId, Throwable cause) {
    super(message + " (query " + queryId + ")", cause);
    this.queryId = queryId;
  }

  /** The {@code query_id} the statement was sent with. */
  public String queryId() {
    return queryId;
  }
}
