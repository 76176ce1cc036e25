package dev.sextant.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.SextantServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin console, as the all-in-one server serves it at {@code /}, in headless Chromium
 * (Debian's {@code /usr/bin/chromium}, driven by {@code src/test/browser/drive-console.mjs}):
 * signing in as the test admin on the console's sign-in page (a wrong password first), the
 * customer-service lookup of a user with a failed card binding, the demo tracking plan with an
 * import dry run, the quarantine on the data-quality page, the analysis pages on page views posted
 * now (the demo data lies in 2017, outside the pages' default last 7 days, so the numbers are
 * exactly the posted ones), the English switch and signing out. Screenshots of each page go to
 * {@code target/console-screenshots/}.
 */
class ConsoleIT {

  private static final Path BROWSER_TEST = Path.of("src/test/browser");
  private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path dataDir;

  private static ConfigurableApplicationContext server;
  private static JsonHttp http;
  private static String baseUrl;

  @BeforeAll
  static void start() {
    server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(TestAdmin.ARGUMENT, "--server.port=0", "--sextant.data-dir=" + dataDir);
    int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
    http = TestAdmin.signedIn(port);
    baseUrl = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void showsCustomerServiceTrackingPlanAndDataQualityPages() throws Exception {
    String user = "console-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now();
    // Logins and sign-ups are reported by the app's back end: they come with the secret key.
    String backEnd = TestAdmin.newKey(http, "demo", "secret");
    JsonHttp.Response sent =
        http.postWithKey(
            "/api/v1/events?project=demo",
            backEnd,
            JSON.writeValueAsString(
                List.of(
                        aTrack("Login", user, now.minus(Duration.ofHours(3)))
                            .with("login_method", "password")
                            .with("result", "success"),
                        aTrack("BindCard", user, now.minus(Duration.ofMinutes(20)))
                            .with("bank_name", "招商银行")
                            .with("card_type", "debit")
                            .with("result", "fail")
                            .with("fail_reason", "卡号与户名不符"),
                        aTrack("Login", user, now.minus(Duration.ofMinutes(25)))
                            .with("login_method", "sms_code")
                            .with("result", "success"),
                        aTrack("NoSuchEvent", user, now))
                    .stream()
                    .map(Track::toMap)
                    .toList()));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body().get("accepted").asInt()).isEqualTo(3);
    assertThat(sent.body().get("quarantined").asInt()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> http.get("/api/v1/projects/demo/users/" + user + "/events").body(),
            body -> body.get("events").size() == 3);

    String reader = "reader-" + UUID.randomUUID().toString().substring(0, 8);
    String browser = "browser-" + UUID.randomUUID().toString().substring(0, 8);
    JsonHttp.Response views =
        http.postWithKey(
            "/api/v1/events?project=demo",
            backEnd,
            JSON.writeValueAsString(
                List.of(
                        aTrack("$pageview", reader, now.minus(Duration.ofMinutes(50)))
                            .with("$url", "https://example.com/products"),
                        aTrack("$pageview", reader, now.minus(Duration.ofMinutes(45)))
                            .with("$url", "https://example.com/signup"),
                        aTrack("SignUp", reader, now.minus(Duration.ofMinutes(40)))
                            .with("result", "success")
                            .with("signup_method", "phone"),
                        aTrack("$AppViewScreen", browser, now.minus(Duration.ofMinutes(30)))
                            .with("page_id", "home"))
                    .stream()
                    .map(Track::toMap)
                    .toList()));
    assertThat(views.status()).isEqualTo(200);
    assertThat(views.body().get("accepted").asInt()).as("%s", views.body()).isEqualTo(4);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> http.get("/api/v1/projects/demo/users/" + browser + "/events").body(),
            body -> body.get("events").size() == 1);

    JsonNode seen = drive(user);

    assertThat(seen.get("pageErrors").size()).as("uncaught errors in the page").isZero();
    JsonNode signIn = seen.get("signIn");
    assertThat(signIn.get("heading").asString()).isEqualTo("登录");
    assertThat(signIn.get("title").asString()).isEqualTo("登录 · Sextant 六分仪");
    assertThat(signIn.get("menu").asInt()).as("the console's menu before signing in").isZero();
    assertThat(seen.get("signInFailed").asString()).isEqualTo("用户名或密码错误");
    assertThat(seen.get("signedIn").get("username").asString()).isEqualTo(TestAdmin.USERNAME);
    assertThat(seen.get("signedIn").get("role").asString()).isEqualTo("管理员");
    assertThat(SCREENSHOTS.resolve("sign-in.png")).isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("sign-in-failed.png")).isNotEmptyFile();
    assertThat(seen.get("overview").get("menu").valueStream().map(JsonNode::asString))
        .contains("概览", "事件分析", "漏斗分析", "留存分析", "分布分析", "用户分群", "用户查询", "埋点方案", "数据质量");
    JsonNode customer = seen.get("customer");
    assertThat(customer.get("summary").asString()).isEqualTo("共 3 个事件，2 个会话");
    assertThat(customer.get("sessions").get(0).asString()).contains("会话 2", "2 个事件", "1 次失败");
    assertThat(customer.get("failed").size()).isOne();
    assertThat(customer.get("failed").get(0).asString())
        .contains("绑定银行卡", "失败原因", "卡号与户名不符", "银行", "招商银行", "借记卡");
    assertThat(customer.get("events").get(1).asString()).contains("登录", "短信验证码");
    assertThat(seen.get("customerEmpty").asString()).contains("没有找到用户 nobody-here 的事件");

    assertThat(texts(seen.get("planEvents")))
        .anyMatch(row -> row.contains("BindCard") && row.contains("绑定银行卡"));
    assertThat(texts(seen.get("planProperties")))
        .anyMatch(row -> row.contains("result") && row.contains("fail = 失败"));
    assertThat(texts(seen.get("planVersions"))).anyMatch(row -> row.contains("v1"));
    assertThat(seen.get("importPreview").asString())
        .contains("将产生 1 处变更", "properties.card_type.display_name", "卡类型 → 银行卡类型");

    assertThat(texts(seen.get("quality").get("reasons")))
        .anyMatch(r -> r.contains("UNKNOWN_EVENT"));
    assertThat(texts(seen.get("qualityByEvent"))).anyMatch(r -> r.contains("NoSuchEvent"));
    JsonNode events = seen.get("events");
    assertThat(events.get("error").isNull())
        .as("event analysis error: %s", events.get("error"))
        .isTrue();
    // PV: the reader's two $pageview and the browser's $AppViewScreen; UV: those two users.
    assertThat(texts(events.get("rows")))
        .satisfiesExactly(
            pv -> assertThat(pv).startsWith("浏览量 PV"), uv -> assertThat(uv).startsWith("访客数 UV"));
    assertThat(texts(events.get("totals"))).containsExactly("3", "2");
    assertThat(texts(events.get("metrics")))
        .allSatisfy(metric -> assertThat(metric).contains("$pageview", "$AppViewScreen"));

    JsonNode demo = seen.get("eventsDemo");
    assertThat(demo.get("error").isNull())
        .as("demo event analysis: %s", demo.get("error"))
        .isTrue();
    assertThat(texts(demo.get("rows")))
        .anyMatch(row -> row.startsWith("浏览量 PV") && row.contains("iOS"))
        .anyMatch(row -> row.startsWith("访客数 UV") && row.contains("Android"));

    JsonNode funnels = seen.get("funnels");
    assertThat(texts(funnels.get("steps")))
        .satisfiesExactly(
            first -> assertThat(first).contains("$pageview"),
            second -> assertThat(second).contains("SignUp"));
    assertThat(funnels.get("error").isNull()).as("funnel error: %s", funnels.get("error")).isTrue();
    // One user viewed a page, and that user signed up: 1 → 1, 100.00% overall.
    assertThat(String.join(" ", texts(funnels.get("summary")))).contains("总体转化率", "100.00%");
    assertThat(texts(funnels.get("rows"))).singleElement().asString().contains("1", "100.00%");

    JsonNode retention = seen.get("retention");
    assertThat(retention.get("error").isNull())
        .as("retention error: %s", retention.get("error"))
        .isTrue();
    assertThat(texts(retention.get("rows"))).anyMatch(row -> row.contains("100.00%"));
    JsonNode distributions = seen.get("distributions");
    assertThat(distributions.get("error").isNull())
        .as("distributions error: %s", distributions.get("error"))
        .isTrue();
    assertThat(distributions.get("charts").asInt()).isEqualTo(2);

    assertThat(seen.get("english").get("menu").valueStream().map(JsonNode::asString))
        .contains("Overview", "Customer service", "Tracking plan", "Data quality");
    assertThat(seen.get("signedOut").get("notice").asString()).isEqualTo("You have signed out.");
    assertThat(seen.get("signedOut").get("planStatus").asInt()).isEqualTo(401);
    assertThat(SCREENSHOTS.resolve("customer-service.png")).isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("tracking-plan.png")).isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("data-quality.png")).isNotEmptyFile();
    for (String page :
        List.of("event-analysis", "event-analysis-demo", "funnels", "retention", "distributions")) {
      assertThat(SCREENSHOTS.resolve(page + ".png")).isNotEmptyFile();
    }
  }

  private static JsonNode drive(String user) throws IOException, InterruptedException {
    Path output = Files.createTempFile(dataDir, "console-", ".json");
    Process node =
        new ProcessBuilder(
                "node",
                "drive-console.mjs",
                baseUrl,
                user,
                SCREENSHOTS.toAbsolutePath().toString(),
                TestAdmin.USERNAME,
                TestAdmin.PASSWORD)
            .directory(BROWSER_TEST.toFile())
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!node.waitFor(300, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("the console run did not finish within 300 s");
    }
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(node.exitValue()).as("node drive-console.mjs exit code; output: %s", lines).isZero();
    return JSON.readTree(lines.getLast());
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  private static Track aTrack(String event, String distinctId, Instant time) {
    return new Track(event, distinctId, time, Map.of());
  }

  /** A Sensors {@code track} record, built up one property at a time. */
  private record Track(
      String event, String distinctId, Instant time, Map<String, Object> properties) {

    Track with(String name, Object value) {
      var more = new LinkedHashMap<>(properties);
      more.put(name, value);
      return new Track(event, distinctId, time, more);
    }

    Map<String, Object> toMap() {
      return Map.of(
          "type", "track",
          "event", event,
          "distinct_id", distinctId,
          "time", time.toEpochMilli(),
          "properties", properties);
    }
  }
}
