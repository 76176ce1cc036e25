package dev.sextant.store.clickhouse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP client against a real server (18.16 here, a current one where configured). */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseHttpClientIT {

  /** Hours of work on two cores, so it only ends early if it is cancelled. */
  private static final String ENDLESS_QUERY =
      "SELECT sum(sipHash64(number)) FROM numbers(1000000000000)";

  private static ClickHouseTestServer server;
  private static ClickHouseHttpClient client;

  @BeforeAll
  static void connect(ClickHouseTestServer testServer) {
    server = testServer;
    client = new ClickHouseHttpClient(connection());
  }

  @AfterAll
  static void close() {
    client.close();
  }

  private static ClickHouseConnection connection() {
    return ClickHouseConnection.of(server.baseUrl(), server.database())
        .withCredentials(server.user(), server.password());
  }

  @Test
  void detectsAndRemembersTheServerVersion() {
    ClickHouseVersion version = client.serverVersion();

    assertThat(version.isAtLeast(18, 16)).isTrue();
    assertThat(version.toString())
        .isEqualTo(
            ClickHouseVersion.parse(
                    client.query("SELECT version()", ClickHouseFormat.TAB_SEPARATED))
                .toString());
    assertThat(client.serverVersion()).isSameAs(version);
  }

  static Stream<Arguments> refusedStatements() {
    return Stream.of(
        Arguments.of("SELEC 1", 62),
        Arguments.of("SELECT * FROM no_such_table", 60),
        Arguments.of("SELECT no_such_column FROM system.one", 47),
        Arguments.of("SELECT no_such_function(1)", 46),
        Arguments.of("SELECT throwIf(number = 3) FROM system.numbers LIMIT 100000", 395));
  }

  @ParameterizedTest
  @MethodSource("refusedStatements")
  void mapsRefusalsToClickHouseErrorCodes(String sql, int code) {
    Throwable thrown = catchThrowable(() -> client.query(sql, ClickHouseFormat.TAB_SEPARATED));

    assertThat(thrown).isInstanceOf(ClickHouseException.class);
    ClickHouseException refusal = (ClickHouseException) thrown;
    assertThat(refusal.code()).isEqualTo(code);
    assertThat(refusal.httpStatus()).isNotEqualTo(200);
    assertThat(refusal.queryId()).isNotBlank();
    assertThat(refusal.serverMessage())
        .isNotBlank()
        .doesNotStartWith("Code:")
        .doesNotContain("e.what()");
  }

  static Stream<String> awkwardStrings() {
    return ClickHouseSqlTest.roundTripValues();
  }

  @ParameterizedTest
  @MethodSource("awkwardStrings")
  void quotedLiteralsReachTheServerByteForByte(String value) {
    String hex =
        client.query(
            "SELECT hex(" + ClickHouseSql.quote(value) + ")", ClickHouseFormat.TAB_SEPARATED);

    assertThat(hex.strip())
        .isEqualTo(HexFormat.of().withUpperCase().formatHex(value.getBytes(UTF_8)));
  }

  @Test
  void insertsGzippedJsonRowsIntoQuotedColumns() {
    client.execute(
        "CREATE TABLE rows (id Int64, `$os` String, note String) ENGINE = MergeTree ORDER BY id");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      rows.append(
          "{\"id\":\"%d\",\"$os\":\"iOS\",\"note\":\"第%d笔 it's \\\"ok\\\"\\n\"}\n".formatted(i, i));
    }

    client.insert("rows", List.of("id", "$os", "note"), rows.toString().getBytes(UTF_8));

    assertThat(
            client.query(
                "SELECT count(), uniqExact(note) FROM rows", ClickHouseFormat.TAB_SEPARATED))
        .isEqualTo("20000\t20000\n");
    assertThat(
            client.query(
                "SELECT id, `$os`, note FROM rows WHERE id = 7", ClickHouseFormat.JSON_EACH_ROW))
        .isEqualTo("{\"id\":\"7\",\"$os\":\"iOS\",\"note\":\"第7笔 it's \\\"ok\\\"\\n\"}\n");
  }

  @Test
  void readsTheFormatsItOffers() {
    String sql = "SELECT toInt64(1) AS n, 'x' AS s";

    assertThat(client.query(sql, ClickHouseFormat.TAB_SEPARATED_WITH_NAMES_AND_TYPES))
        .isEqualTo("n\ts\nInt64\tString\n1\tx\n");
    JsonNode compact =
        JsonMapper.builder().build().readTree(client.query(sql, ClickHouseFormat.JSON_COMPACT));
    assertThat(compact.get("data").toString()).isEqualTo("[[\"1\",\"x\"]]");
  }

  @Test
  void cancelsARunningQueryByItsId() {
    String queryId = ClickHouseHttpClient.newQueryId();
    CompletableFuture<String> running =
        CompletableFuture.supplyAsync(
            () -> client.query(ENDLESS_QUERY, ClickHouseFormat.TAB_SEPARATED, queryId));
    await().atMost(Duration.ofSeconds(10)).until(() -> isRunning(queryId));

    client.cancel(queryId);

    Throwable thrown = catchThrowable(() -> running.get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    assertThat(thrown.getCause()).isInstanceOf(ClickHouseException.class);
    assertThat(((ClickHouseException) thrown.getCause()).code()).isEqualTo(394);
    assertThat(isRunning(queryId)).isFalse();
  }

  @Test
  void cancellingAnUnknownQueryDoesNothing() {
    client.cancel(ClickHouseHttpClient.newQueryId());
  }

  @Test
  void cancelsOnTheServerWhatTimesOut() {
    Duration timeout = Duration.ofSeconds(1);
    try (ClickHouseHttpClient impatient =
        new ClickHouseHttpClient(connection().withTimeouts(Duration.ofSeconds(2), timeout))) {
      String queryId = ClickHouseHttpClient.newQueryId();
      long started = System.nanoTime();

      Throwable thrown =
          catchThrowable(
              () -> impatient.query(ENDLESS_QUERY, ClickHouseFormat.TAB_SEPARATED, queryId));

      assertThat(thrown).isInstanceOf(ClickHouseTimeoutException.class);
      assertThat(((ClickHouseTimeoutException) thrown).queryId()).isEqualTo(queryId);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
      assertThat(isRunning(queryId)).isFalse();
    }
  }

  @Test
  void cancelsOnTheServerWhenTheCallerIsInterrupted() throws InterruptedException {
    String queryId = ClickHouseHttpClient.newQueryId();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        Thread.ofPlatform()
            .start(() -> {
              try {
                client.query(ENDLESS_QUERY, ClickHouseFormat.TAB_SEPARATED, queryId);
              } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
              }
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> isRunning(queryId));

    caller.interrupt();
    caller.join(Duration.ofSeconds(15));

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOf(ClickHouseTransportException.class)
        .isNotInstanceOf(ClickHouseTimeoutException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(stillInterrupted).isTrue();
    assertThat(isRunning(queryId)).isFalse();
  }

  @Test
  void sendsCredentialsThatTheServerChecks() {
    try (ClickHouseHttpClient intruder =
        new ClickHouseHttpClient(connection().withCredentials(server.user(), "wrong password"))) {
      Throwable thrown =
          catchThrowable(() -> intruder.query("SELECT 1", ClickHouseFormat.TAB_SEPARATED));

      assertThat(thrown).isInstanceOf(ClickHouseException.class);
      // 193 WRONG_PASSWORD on 18.16; 516 AUTHENTICATION_FAILED on current servers.
      assertThat(((ClickHouseException) thrown).code()).isIn(193, 516);
    }
  }

  @Test
  void reportsAnUnreachableServerAsATransportFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ClickHouseConnection nowhere =
        ClickHouseConnection.of(URI.create("http://127.0.0.1:" + closedPort), "default");
    try (ClickHouseHttpClient unreachable = new ClickHouseHttpClient(nowhere)) {
      assertThatThrownBy(() -> unreachable.execute("SELECT 1"))
          .isInstanceOf(ClickHouseTransportException.class)
          .isNotInstanceOf(ClickHouseTimeoutException.class);
    }
  }

  @Test
  void createsItsDatabaseOnlyIfAbsent() {
    String database = server.database() + "_own";
    try (ClickHouseHttpClient own = new ClickHouseHttpClient(connection().withDatabase(database))) {
      own.createDatabaseIfAbsent();
      own.execute("CREATE TABLE kept (x UInt8) ENGINE = Memory");
      own.createDatabaseIfAbsent();

      assertThat(own.query("EXISTS TABLE kept", ClickHouseFormat.TAB_SEPARATED)).isEqualTo("1\n");
    } finally {
      client.execute("DROP DATABASE IF EXISTS " + ClickHouseSql.identifier(database));
    }
  }

  private static boolean isRunning(String queryId) {
    String count =
        client.query(
            "SELECT count() FROM system.processes WHERE query_id = " + ClickHouseSql.quote(queryId),
            ClickHouseFormat.TAB_SEPARATED);
    return !count.strip().equals("0");
  }
}
