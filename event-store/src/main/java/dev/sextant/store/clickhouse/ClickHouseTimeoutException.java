package dev.sextant.store.clickhouse;

/**
 * A statement took longer than the connection's request timeout. The client has asked the server to
 * cancel it ({@code KILL QUERY}), since 18.16 keeps running queries whose client went away.
 */
public final class ClickHouseTimeoutException extends ClickHouseTransportException {

  public ClickHouseTimeoutException(String message, String queryId, Throwable cause) {
    super(message, queryId, cause);
  }
}
