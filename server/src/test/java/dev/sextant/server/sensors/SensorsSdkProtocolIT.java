package dev.sextant.server.sensors;

import static dev.sextant.server.sensors.JsSdkRecord.aJsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.SextantServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The Sensors SDK wire protocol against the all-in-one server (DuckDB, H2, the demo project's
 * plan): requests replayed byte for byte as the Node SDK sent them, the real Java SDK's consumers,
 * the JavaScript SDK's image, ajax, beacon, batch and debug senders, and a table of bad input that
 * gets clear 4xx answers while the service stays up. See docs/sensors-protocol.md.
 */
class SensorsSdkProtocolIT {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String CHROME_ON_WINDOWS =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/120.0.0.0 Safari/537.36";

  @TempDir static Path dataDir;

  private static ConfigurableApplicationContext server;
  private static JsonHttp http;
  private static RawHttp raw;
  private static String baseUrl;
  private static String secretKey;

  @BeforeAll
  static void start() {
    server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(
                TestAdmin.ARGUMENT,
                "--server.port=0",
                "--sextant.data-dir=" + dataDir,
                // A small demo load: the tests need the plan, not the events.
                "--sextant.demo.users=20",
                // The tests stand for a proxy on this machine that says who the client was.
                "--sextant.collector.trusted-proxies=127.0.0.1,::1",
                // The SDK captures are replayed with the times they were recorded at.
                "--sextant.collector.event-time.max-past=36500d");
    int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
    http = TestAdmin.signedIn(port);
    raw = new RawHttp(port);
    baseUrl = "http://127.0.0.1:" + port;
    secretKey = TestAdmin.newKey(http, "demo", "secret");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void storesWhatTheNodeSdkSendsAndValidatesItsDryRunWithoutStoring() {
    RawHttp.Response dryRun = replay("node/debug-only.http");
    assertThat(dryRun.status()).isEqualTo(200);
    assertThat(dryRun.json().isEmpty()).isTrue();
    assertThat(eventsOf("user-node-1")).isEmpty();

    for (String capture : List.of("node/track-gzip.http", "node/track-plain.http")) {
      assertThat(replay(capture).status()).as(capture).isEqualTo(200);
    }
    RawHttp.Response batch = replay("node/batch-gzip.http");
    assertThat(batch.status()).isEqualTo(200);
    assertThat(batch.json().get("accepted").asInt()).isEqualTo(3);
    JsonNode profile = http.get("/api/v1/projects/demo/users/user-node-1/profile").body();
    assertThat(profile.get("properties").get("city").asString())
        .as("the Node SDK's profile_set")
        .isEqualTo("上海");

    JsonNode events = eventsOf("user-node-1");
    assertThat(events).hasSize(4);
    JsonNode invest = events.get(events.size() - 1);
    assertThat(invest.get("event").asString()).isEqualTo("P2P_Invest");
    assertThat(invest.get("time").asString()).isEqualTo("2025-11-24T16:00:00Z");
    assertThat(invest.get("properties").get("product_id").asString()).isEqualTo("稳盈-90天");
    assertThat(invest.get("properties").get("amount").decimalValue())
        .isEqualByComparingTo("10000.5");
    assertThat(invest.get("properties").get("$lib").asString()).isEqualTo("Node");
    assertThat(invest.get("properties").get("$ip").asString()).isEqualTo("127.0.0.1");
    assertThat(invest.get("properties").has("$os"))
        .as("a back-end SDK's user agent says nothing of a device")
        .isFalse();
  }

  @Test
  void storesWhatTheJavaSdkBatchConsumerSends() {
    RawHttp.Response batch = replay("java/batch.http");

    assertThat(batch.status()).isEqualTo(200);
    assertThat(batch.json().get("accepted").asInt()).isEqualTo(3);
    assertThat(batch.json().get("quarantined").asInt())
        .as("forex_Deposit without all its required properties is quarantined, not dropped")
        .isEqualTo(1);
    JsonNode events = eventsOf("user-java-1");
    assertThat(events).hasSize(3);
    assertThat(events).extracting(e -> e.get("event").asString()).containsOnly("P2P_Invest");
    JsonNode invest = events.get(0);
    assertThat(invest.get("properties").get("amount").decimalValue())
        .isEqualByComparingTo("500.25");
    assertThat(invest.get("properties").get("$lib").asString()).isEqualTo("Java");
    assertThat(invest.get("properties").get("$is_login_id").asBoolean()).isTrue();
  }

  @Test
  void reportsEveryProblemToTheJavaSdkDebugConsumerAndStoresNothingOnADryRun() {
    RawHttp.Response valid = replay("java/debug-dry-valid.http");
    assertThat(valid.status()).isEqualTo(200);
    assertThat(valid.text()).isEqualTo("{}");

    // The SDK throws on any status outside 2xx, with this body in the message.
    RawHttp.Response invalid = replay("java/debug-dry-invalid.http");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
    assertThat(invalid.json().get("type").asString())
        .isEqualTo("https://sextant.dev/problems/debug-validation-failed");
    assertThat(invalid.json().get("records").get(0).get("reasons"))
        .extracting(r -> r.get("code").asString())
        .contains("TYPE_MISMATCH", "UNKNOWN_PROPERTY");
    assertThat(eventsOf("user-java-debug")).isEmpty();

    assertThat(replay("java/debug-write-valid.http").status()).isEqualTo(200);
    assertThat(eventsOf("user-java-debug")).hasSize(1);
  }

  @Test
  void answersAnImageBeaconWithAPixelAndAddsTheClientsAddressAndDevice() {
    String query = pageView("user-js-1", 1).trackData();

    RawHttp.Response pixel =
        raw.get(
            "/sa.gif?project=demo&" + query,
            Map.of("User-Agent", CHROME_ON_WINDOWS, "X-Forwarded-For", "203.0.113.7"));

    assertThat(pixel.status()).isEqualTo(200);
    assertThat(pixel.header("Content-Type")).isEqualTo("image/gif");
    assertThat(pixel.body()).hasSize(43).startsWith(new byte[] {'G', 'I', 'F', '8', '9', 'a'});
    JsonNode properties = eventsOf("user-js-1").get(0).get("properties");
    assertThat(properties.get("$ip").asString()).isEqualTo("203.0.113.7");
    assertThat(properties.get("$browser").asString()).isEqualTo("Chrome");
    assertThat(properties.get("$os").asString()).isEqualTo("Windows NT");
    assertThat(properties.get("$url").asString()).isEqualTo("https://p2p.example/invest");
  }

  @Test
  void takesTheJavaScriptSdksAjaxBeaconAndBatchPosts() {
    JsSdkRecord ajax = pageView("user-js-2", 1);
    JsSdkRecord beacon = pageView("user-js-2", 2);
    JsSdkRecord first = pageView("user-js-2", 3);
    JsSdkRecord second = pageView("user-js-2", 4);

    assertThat(post("/sa?project=demo", FORM, ajax.trackData()).status()).isEqualTo(200);
    // navigator.sendBeacon(url, string) posts the same form as text/plain.
    assertThat(
            post("/sa.gif?project=demo", "text/plain;charset=UTF-8", beacon.trackData()).status())
        .isEqualTo(200);
    assertThat(post("/sa?project=demo", FORM, JsSdkRecord.batchBody(first, second)).status())
        .isEqualTo(200);
    assertThat(
            raw.get("/sa?project=demo&" + pageView("user-js-2", 5).trackData(), Map.of())
                .header("Content-Type"))
        .isEqualTo("image/gif");

    assertThat(eventsOf("user-js-2")).hasSize(5);
  }

  @Test
  void answersTheJavaScriptDebugSenderSoThatItsAlertShowsTheProblems() {
    Map<String, String> upload = Map.of("Dry-Run", "false", "Origin", "https://p2p.example");
    RawHttp.Response valid =
        raw.get("/debug?project=demo&" + pageView("user-js-debug", 1).trackData(), upload);
    assertThat(valid.status()).isEqualTo(200);
    assertThat(valid.text()).isEqualTo("{}");
    assertThat(valid.header("Access-Control-Allow-Origin")).isEqualTo("https://p2p.example");
    assertThat(eventsOf("user-js-debug")).hasSize(1);

    String invalid =
        pageView("user-js-debug", 2).with("$url", 42).with("colour", "red").trackData();
    RawHttp.Response problems =
        raw.get("/debug?project=demo&" + invalid, Map.of("Dry-Run", "true"));
    assertThat(problems.status()).isEqualTo(200);
    JsonNode reasons = problems.json().get("records").get(0).get("reasons");
    assertThat(reasons)
        .extracting(r -> r.get("code").asString())
        .contains("TYPE_MISMATCH", "UNKNOWN_PROPERTY");
    assertThat(problems.json().get("dry_run").asBoolean()).isTrue();
    assertThat(eventsOf("user-js-debug")).hasSize(1);
  }

  @Test
  void allowsTheDebugSendersCrossOriginPreflight() {
    RawHttp.Response preflight =
        raw.send(
            "OPTIONS",
            "/debug?project=demo",
            Map.of(
                "Origin", "https://p2p.example",
                "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "dry-run"),
            null);

    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://p2p.example");
    assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("dry-run");
  }

  @Test
  void takesAGzippedNativeBatch() {
    String batch =
        "[{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"user-native-gz\","
            + "\"time\":1764000000000,\"properties\":{\"product_id\":\"p\",\"amount\":100,"
            + "\"result\":\"success\"}}]";

    RawHttp.Response response =
        raw.send(
            "POST",
            "/api/v1/events?project=demo",
            Map.of(
                "Content-Type",
                "application/json",
                "Content-Encoding",
                "gzip",
                "Authorization",
                "Bearer " + secretKey),
            gzip(batch.getBytes(StandardCharsets.UTF_8)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(eventsOf("user-native-gz")).hasSize(1);
  }

  @Test
  void keepsNamesWithQuotesAndSqlAsDataAndQuarantinesThem() {
    String name = "x'); DROP TABLE events; --";
    String record =
        aJsEvent(name).by("user-sql").with("\"q\"", "Robert'); DROP TABLE quarantine; --").json();

    RawHttp.Response response =
        post(
            "/sa?project=demo",
            FORM,
            "data="
                + Base64.getUrlEncoder().encodeToString(record.getBytes(StandardCharsets.UTF_8)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("results").get(0).get("reasons"))
        .extracting(r -> r.get("code").asString())
        .contains("UNKNOWN_EVENT", "UNKNOWN_PROPERTY");
    assertThat(quarantinePayloads()).anyMatch(payload -> payload.contains(name));
    assertThat(http.get("/api/v1/projects/demo/quarantine").status()).isEqualTo(200);
  }

  static Stream<Arguments> badInput() {
    String valid = pageView("user-bad", 1).base64();
    String notUtf8 =
        Base64.getEncoder().encodeToString(new byte[] {'[', '"', (byte) 0xff, '"', ']'});
    String deep = b64("[".repeat(5000) + "]".repeat(5000));
    String hugeNumber = b64(pageView("user-bad", 2).json().replace("1920", "9".repeat(1000)));
    String bomb = Base64.getEncoder().encodeToString(gzip(new byte[200 << 20]));
    String tooMany = "[" + String.join(",", Collections.nCopies(10_001, "{}")) + "]";
    byte[] badUtf8Json = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
    byte[] plainJson = "[{}]".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        bad("bad base64", form("data=%25%25not-base64%25%25"), 400, "malformed-payload"),
        bad("bad gzip", form("gzip=1&data_list=" + enc(valid)), 400, "malformed-payload"),
        bad("not JSON", form("data=" + enc(b64("{\"type\":"))), 400, "malformed-payload"),
        bad("crc mismatch", form("data=" + enc(valid) + "&ext=crc%3D42"), 400, "malformed-payload"),
        bad("invalid UTF-8 in the payload", form("data=" + enc(notUtf8)), 400, "malformed-payload"),
        bad("deeply nested JSON", form("data=" + enc(deep)), 400, "malformed-payload"),
        bad("a number of 1000 digits", form("data=" + enc(hugeNumber)), 400, "malformed-payload"),
        bad(
            "encrypted payload",
            form("gzip=9&data=" + enc("{\"pkv\":1}")),
            400,
            "malformed-payload"),
        bad("a gzip bomb", form("gzip=1&data_list=" + enc(bomb)), 413, "payload-too-large"),
        bad("a 10 MB body", form("data=" + "A".repeat(10 << 20)), 413, "payload-too-large"),
        bad(
            "10,001 records",
            nativeBody(Map.of(), tooMany.getBytes(StandardCharsets.UTF_8)),
            413,
            "too-many-records"),
        bad(
            "invalid UTF-8, native API",
            nativeBody(Map.of(), badUtf8Json),
            400,
            "malformed-payload"),
        bad(
            "declared gzip, is not",
            nativeBody(Map.of("Content-Encoding", "gzip"), plainJson),
            400,
            "malformed-payload"),
        bad(
            "brotli",
            nativeBody(Map.of("Content-Encoding", "br"), plainJson),
            415,
            "unsupported-content-encoding"),
        bad(
            "a bad image beacon",
            r -> r.get("/sa.gif?project=demo&data=%7B%7B", Map.of()),
            400,
            "malformed-payload"));
  }

  @ParameterizedTest(name = "{0}: {2} {3}")
  @MethodSource("badInput")
  void answersBadInputWithAProblemAndStaysUp(
      String name, Function<RawHttp, RawHttp.Response> request, int status, String problem) {
    RawHttp.Response response = request.apply(raw);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("type").asString())
        .isEqualTo("https://sextant.dev/problems/" + problem);
    if (status == 400) {
      assertThat(response.json().get("quarantine_id").asString()).isNotBlank();
    }
    assertThat(http.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
    assertThat(post("/sa?project=demo", FORM, pageView("user-still-up", 1).trackData()).status())
        .isEqualTo(200);
  }

  @Test
  void exposesRecordCountsAndLatencyToPrometheus() {
    post("/sa?project=demo", FORM, pageView("user-metrics", 1).trackData());

    String scrape =
        new String(raw.get("/actuator/prometheus", Map.of()).body(), StandardCharsets.UTF_8);

    assertThat(scrape)
        .contains(
            "sextant_collector_records_total{endpoint=\"sa\",outcome=\"accepted\",reason=\"none\"")
        .contains("sextant_collector_requests_seconds_bucket{endpoint=\"sa\"");
  }

  private static Arguments bad(
      String name, Function<RawHttp, RawHttp.Response> request, int status, String problem) {
    return Arguments.of(name, request, status, problem);
  }

  private static Function<RawHttp, RawHttp.Response> form(String body) {
    return r -> r.post("/sa?project=demo", Map.of("Content-Type", FORM), body);
  }

  private static Function<RawHttp, RawHttp.Response> nativeBody(
      Map<String, String> headers, byte[] body) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return r -> r.send("POST", "/api/v1/events?project=demo", all, body);
  }

  /**
   * Sends a captured request again. The Java and Node SDKs run in back ends, which send the
   * project's secret key (investments are back-end-only events): their server URL carries it in
   * {@code token}, so the replay adds it to the captured URL; the body stays byte for byte.
   */
  private static RawHttp.Response replay(String capture) {
    CapturedRequest request = CapturedRequest.load(capture);
    String path = request.pathAndQuery();
    if (capture.startsWith("java/") || capture.startsWith("node/")) {
      path += (path.contains("?") ? "&" : "?") + "token=" + secretKey;
    }
    return raw.send(request.method(), path, request.headers(), request.body());
  }

  private static RawHttp.Response post(String path, String contentType, String body) {
    return raw.post(path, Map.of("Content-Type", contentType), body);
  }

  private static JsSdkRecord pageView(String user, int second) {
    return aJsEvent("$pageview").by(user).at(1_764_000_000_000L + second * 1000L);
  }

  private static JsonNode eventsOf(String user) {
    JsonHttp.Response response = http.get("/api/v1/projects/demo/users/" + user + "/events");
    assertThat(response.status()).isEqualTo(200);
    return response.body().get("events");
  }

  private static List<String> quarantineReasons() {
    return http.get("/api/v1/projects/demo/quarantine?limit=1000")
        .body()
        .get("records")
        .valueStream()
        .flatMap(r -> r.get("reasons").valueStream())
        .map(reason -> reason.get("code").asString())
        .toList();
  }

  private static List<String> quarantinePayloads() {
    return http.get("/api/v1/projects/demo/quarantine?limit=1000")
        .body()
        .get("records")
        .valueStream()
        .map(r -> r.get("payload").asString())
        .toList();
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
