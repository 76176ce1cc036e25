package dev.sextant.store.clickhouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to ClickHouse over its HTTP interface, the one way that works with both 18.16 and current
 * servers (the official JDBC driver and client-v2 need newer servers).
 *
 * <p>Every statement is sent with a fresh {@code query_id}. If the caller's thread is interrupted
 * or the {@linkplain ClickHouseConnection#requestTimeout() request timeout} passes, the client runs
 * {@code KILL QUERY} for that id before throwing: 18.16 keeps running a query whose client has
 * gone. Connections are reused across calls; the client is thread-safe. Logs carry query ids and
 * timings, never SQL text or credentials, since statements contain user data.
 */
public final class ClickHouseHttpClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseHttpClient.class);

  /** {@code KILL QUERY} gets its own bound: it runs after the statement's time is already up. */
  private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(10);

  private static final String EXCEPTION_CODE_HEADER = "X-ClickHouse-Exception-Code";

  private final ClickHouseConnection connection;
  private final HttpClient http;
  private volatile ClickHouseVersion serverVersion;

  public ClickHouseHttpClient(ClickHouseConnection connection) {
    this.connection = connection;
    // HTTP/1.1 explicitly: the default would ask the server to upgrade to h2c, which it does not.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connection.connectTimeout())
            .build();
  }

  public ClickHouseConnection connection() {
    return connection;
  }

  /** A new {@code query_id}, for callers that want to {@linkplain #cancel(String) cancel} later. */
  public static String newQueryId() {
    return UUID.randomUUID().toString();
  }

  /** Runs a statement that returns nothing of interest: DDL, {@code OPTIMIZE}, {@code KILL}. */
  public void execute(String sql) {
    send(Call.statement(newQueryId(), sql, connection.requestTimeout()));
  }

  /** Runs a query; returns the response body in {@code format}. */
  public String query(String sql, ClickHouseFormat format) {
    return query(sql, format, newQueryId());
  }

  /**
   * Runs a query under a chosen {@code query_id}; returns the response body in {@code format}.
   *
   * @param sql a query without a {@code FORMAT} clause or a trailing semicolon
   */
  public String query(String sql, ClickHouseFormat format, String queryId) {
    return send(
        Call.statement(queryId, sql + "\nFORMAT " + format.sqlName(), connection.requestTimeout()));
  }

  /**
   * Runs a read-only analysis query ({@code readonly=2}: no writes, settings allowed) that the
   * server stops itself after {@code timeout} ({@code max_execution_time}); the client waits a
   * little longer and then cancels it.
   *
   * @param sql a query without a {@code FORMAT} clause or a trailing semicolon
   */
  public String select(String sql, ClickHouseFormat format, String queryId, Duration timeout) {
    return select(sql, format, queryId, timeout, 0);
  }

  /**
   * {@link #select(String, ClickHouseFormat, String, Duration)}, stopping once the answer has
   * {@code maxRows} rows ({@code result_overflow_mode=break}: the server ends the query and sends
   * what it has, whole blocks, so a few rows more than asked for may come); 0 for no limit.
   */
  public String select(
      String sql, ClickHouseFormat format, String queryId, Duration timeout, long maxRows) {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("wait_end_of_query", "1");
    settings.put("readonly", "2");
    settings.put("max_execution_time", Long.toString(seconds));
    settings.put("output_format_json_quote_64bit_integers", "0");
    if (maxRows > 0) {
      settings.put("max_result_rows", Long.toString(maxRows));
      settings.put("result_overflow_mode", "break");
    }
    return send(
        new Call(
            queryId,
            settings,
            (sql + "\nFORMAT " + format.sqlName()).getBytes(StandardCharsets.UTF_8),
            false,
            true,
            timeout.plusSeconds(2),
            true));
  }

  /**
   * Inserts rows in one request, gzip-compressed.
   *
   * @param table a table of the connection's database
   * @param columns the columns the rows give; the others get their defaults
   * @param jsonEachRow UTF-8 JSON objects, one per line
   */
  public void insert(String table, List<String> columns, byte[] jsonEachRow) {
    insert(table, columns, ClickHouseInsertFormat.JSON_EACH_ROW, jsonEachRow);
  }

  /**
   * Inserts rows in {@code format} in one request, gzip-compressed.
   *
   * @param table a table of the connection's database
   * @param columns the columns the rows give, in the rows' order for {@code RowBinary}; the others
   *     get their defaults
   * @param rows the rows in {@code format}
   */
  public void insert(
      String table, List<String> columns, ClickHouseInsertFormat format, byte[] rows) {
    StringJoiner names = new StringJoiner(", ", " (", ")");
    columns.forEach(column -> names.add(ClickHouseSql.identifier(column)));
    String statement =
        "INSERT INTO " + ClickHouseSql.identifier(table) + names + " FORMAT " + format.sqlName();
    send(Call.insert(newQueryId(), statement, gzip(rows), connection.requestTimeout()));
  }

  /**
   * Asks the server to stop a running statement and waits until it has ({@code KILL QUERY ...
   * SYNC}). Does nothing if no statement runs under that id.
   */
  public void cancel(String queryId) {
    String sql = "KILL QUERY WHERE query_id = " + ClickHouseSql.quote(queryId) + " SYNC";
    send(Call.cancellation(newQueryId(), sql));
  }

  /** The server's version, asked once ({@code SELECT version()}) and then remembered. */
  public ClickHouseVersion serverVersion() {
    ClickHouseVersion version = serverVersion;
    if (version == null) {
      version = ClickHouseVersion.parse(query("SELECT version()", ClickHouseFormat.TAB_SEPARATED));
      serverVersion = version;
    }
    return version;
  }

  /**
   * Runs a statement outside the connection's database, for DDL that names its databases itself
   * (e.g. {@link ClusterSchema}'s).
   */
  public void executeOutsideDatabase(String sql) {
    send(Call.statement(newQueryId(), sql, connection.requestTimeout()).outsideDatabase());
  }

  /** Creates the connection's database if it does not exist yet. */
  public void createDatabaseIfAbsent() {
    String sql = "CREATE DATABASE IF NOT EXISTS " + ClickHouseSql.identifier(connection.database());
    // Sent outside any database: naming a missing database in the request is itself an error.
    send(Call.statement(newQueryId(), sql, connection.requestTimeout()).outsideDatabase());
  }

  /** Closes idle connections and waits for statements in flight. */
  @Override
  public void close() {
    http.close();
  }

  private String send(Call call) {
    HttpRequest request = request(call);
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> response =
        http.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      String body = checked(response.get(call.timeout().toNanos(), TimeUnit.NANOSECONDS), call);
      LOG.debug(
          "ClickHouse query {} done in {} ms",
          call.queryId(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return body;
    } catch (ExecutionException e) {
      throw new ClickHouseTransportException(
          "no answer from ClickHouse at " + connection.baseUrl() + ": " + e.getCause(),
          call.queryId(),
          e.getCause());
    } catch (TimeoutException e) {
      response.cancel(true);
      throw abandoned(
          new ClickHouseTimeoutException(
              "ClickHouse did not answer within " + call.timeout(), call.queryId(), e),
          call);
    } catch (InterruptedException e) {
      response.cancel(true);
      ClickHouseTransportException interrupted =
          abandoned(
              new ClickHouseTransportException(
                  "interrupted while waiting for ClickHouse", call.queryId(), e),
              call);
      Thread.currentThread().interrupt();
      throw interrupted;
    }
  }

  /** Cancels an abandoned statement on the server; a failure to do so is attached, not thrown. */
  private ClickHouseTransportException abandoned(ClickHouseTransportException failure, Call call) {
    if (call.cancelOnAbandon()) {
      try {
        cancel(call.queryId());
      } catch (RuntimeException e) {
        LOG.warn(
            "could not cancel abandoned ClickHouse query {}: {}", call.queryId(), e.toString());
        failure.addSuppressed(e);
      }
    }
    return failure;
  }

  private String checked(HttpResponse<String> response, Call call) {
    if (response.statusCode() == 200) {
      return response.body();
    }
    throw ClickHouseException.fromResponse(
        response.statusCode(),
        response.body(),
        response.headers().firstValue(EXCEPTION_CODE_HEADER).orElse(null),
        call.queryId());
  }

  private HttpRequest request(Call call) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (call.inDatabase()) {
      parameters.put("database", connection.database());
    }
    parameters.put("query_id", call.queryId());
    parameters.putAll(call.parameters());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(parameters))
            // 18.16 and current servers both read these headers; credentials stay out of URLs,
            // which proxies and access logs record.
            .header("X-ClickHouse-User", connection.user())
            .header("X-ClickHouse-Key", connection.password())
            .POST(BodyPublishers.ofByteArray(call.body()));
    if (call.gzipped()) {
      builder.header("Content-Encoding", "gzip");
    }
    return builder.build();
  }

  private URI uri(Map<String, String> parameters) {
    StringJoiner query = new StringJoiner("&", connection.baseUrl() + "/?", "");
    parameters.forEach((name, value) -> query.add(name + "=" + encode(value)));
    return URI.create(query.toString());
  }

  private static String encode(String value) {
    // URLEncoder writes spaces as '+'; %20 means a space to every decoder.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream out = new FastGzip(compressed)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot gzip in memory", e);
    }
    return compressed.toByteArray();
  }

  /**
   * gzip at level 1: inserts are compressed for the network, and on the sink's side the default
   * level 6 cost about as much CPU as writing the rows (the sink benchmark), for a body only
   * slightly smaller.
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(ByteArrayOutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  /**
   * One request: what the URL carries besides database and query id, what the body is, and how long
   * it may take.
   */
  private record Call(
      String queryId,
      Map<String, String> parameters,
      byte[] body,
      boolean gzipped,
      boolean inDatabase,
      Duration timeout,
      boolean cancelOnAbandon) {

    /**
     * A statement in the body. {@code wait_end_of_query=1} makes the server buffer the result, so
     * that an error part-way through arrives as an error status, not after a 200 and half a result.
     */
    static Call statement(String queryId, String sql, Duration timeout) {
      return new Call(
          queryId,
          Map.of("wait_end_of_query", "1"),
          sql.getBytes(StandardCharsets.UTF_8),
          false,
          true,
          timeout,
          true);
    }

    /**
     * An insert: the statement in the URL, the rows in the body. {@code insert_distributed_sync=1}:
     * into a {@code Distributed} table (a cluster) the insert returns only once the rows are on
     * their shards, so an acknowledged batch is really stored; a plain table ignores the setting.
     * 18.16 and current servers know it.
     */
    static Call insert(String queryId, String statement, byte[] gzippedRows, Duration timeout) {
      return new Call(
          queryId,
          Map.of("query", statement, "insert_distributed_sync", "1"),
          gzippedRows,
          true,
          true,
          timeout,
          true);
    }

    /** {@code KILL QUERY}: never cancelled itself, and outside any database, which may be gone. */
    static Call cancellation(String queryId, String sql) {
      return new Call(
          queryId,
          Map.of(),
          sql.getBytes(StandardCharsets.UTF_8),
          false,
          false,
          CANCEL_TIMEOUT,
          false);
    }

    Call outsideDatabase() {
      return new Call(queryId, parameters, body, gzipped, false, timeout, cancelOnAbandon);
    }
  }
}
