package dev.sextant.store.clickhouse;

/**
 * ClickHouse received a statement and refused it: a syntax error, an unknown table, a cancelled
 * query, a wrong password. The {@linkplain #code() error code} is ClickHouse's own (e.g. 62 syntax
 * error, 60 unknown table, 47 unknown identifier, 394 query was cancelled), stable across versions,
 * so callers decide by code. Retrying the same statement usually fails the same way.
 *
 * <p>Failures to reach the server or to get a complete answer are {@link
 * ClickHouseTransportException}s instead.
 */
public final class ClickHouseException extends RuntimeException {

  /** The code when the response carried none, e.g. an error page from a proxy. */
  public static final int UNKNOWN_CODE = -1;

  private final int code;
  private final String serverMessage;
  private final int httpStatus;
  private final String queryId;

  public ClickHouseException(int code, String serverMessage, int httpStatus, String queryId) {
    super(
        "ClickHouse refused query %s (HTTP %d, code %d): %s"
            .formatted(
                queryId,
                httpStatus,
                code,
                serverMessage.isEmpty() ? "(empty response)" : serverMessage));
    this.code = code;
    this.serverMessage = serverMessage;
    this.httpStatus = httpStatus;
    this.queryId = queryId;
  }

  static ClickHouseException fromResponse(
      int httpStatus, String body, String codeHeader, String queryId) {
    ClickHouseErrorResponse error = ClickHouseErrorResponse.parse(body, codeHeader);
    return new ClickHouseException(error.code(), error.message(), httpStatus, queryId);
  }

  /** ClickHouse's error code, or {@link #UNKNOWN_CODE}. */
  public int code() {
    return code;
  }

  /** The server's message, without the version's wrapping. */
  public String serverMessage() {
    return serverMessage;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The {@code query_id} the statement was sent with, to find it in {@code system.query_log}. */
  public String queryId() {
    return queryId;
  }
}
