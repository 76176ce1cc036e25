package dev.sextant.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.SextantServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * import dry run, the quarantine on the data-quality page and the replay of a record whose event
 * the plan lacked (still invalid, then the plan fixed through its API, then replayed), the analysis
 * pages on page views posted now (the demo data lies in 2017, outside the pages' default last 7
 * days, so the numbers are exactly the posted ones) with a funnel step's users and their CSV, a
 * long user sequence paged back and filtered, API keys created (shown once), rotated and revoked,
 * the English switch and signing out. Screenshots of each page go to {@code
 * target/console-screenshots/}.
 */
class ConsoleIT {

  private static final Path SCREENSHOTS = BrowserDriver.SCREENSHOTS;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path dataDir;

  private static ConfigurableApplicationContext server;
  private static JsonHttp http;
  private static String baseUrl;

  @BeforeAll
  static void start() {
    server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(
                TestAdmin.ARGUMENT,
                "--server.port=0",
                "--sextant.data-dir=" + dataDir,
                // The demo in 2017, outside the pages' default last 7 days: the analysis pages
                // show exactly the events this test posts now.
                "--sextant.demo.first-day=2017-01-01");
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

    // A long history: twelve logins now, two card bindings three days ago.
    String pager = "pager-" + UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> history = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      history.add(
          aTrack("Login", pager, now.minus(Duration.ofMinutes(3L * i)))
              .with("login_method", "password")
              .with("result", "success")
              .toMap());
    }
    for (int i = 1; i <= 2; i++) {
      history.add(
          aTrack("BindCard", pager, now.minus(Duration.ofDays(3)).minus(Duration.ofHours(i)))
              .with("bank_name", "工商银行")
              .with("card_type", "debit")
              .with("result", "success")
              .toMap());
    }
    JsonNode historySent =
        http.postWithKey("/api/v1/events?project=demo", backEnd, JSON.writeValueAsString(history))
            .body();
    assertThat(historySent.get("accepted").asInt()).as("%s", historySent).isEqualTo(14);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> http.get("/api/v1/projects/demo/users/" + pager + "/events").body(),
            body -> body.get("events").size() == 14);

    JsonNode seen = drive(user, reader, pager);

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
    assertReplay(seen, user);
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

    assertFunnelUsers(seen, reader);

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

    assertUserSequencePages(seen);
    assertApiKeys(seen, backEnd);

    assertThat(seen.get("english").get("menu").valueStream().map(JsonNode::asString))
        .contains("Overview", "Customer service", "Tracking plan", "Data quality");
    assertThat(seen.get("signedOut").get("notice").asString()).isEqualTo("You have signed out.");
    assertThat(seen.get("signedOut").get("planStatus").asInt()).isEqualTo(401);
    assertThat(SCREENSHOTS.resolve("customer-service.png")).isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("tracking-plan.png")).isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("data-quality.png")).isNotEmptyFile();
    for (String page :
        List.of(
            "event-analysis",
            "event-analysis-demo",
            "funnels",
            "funnel-users",
            "retention",
            "distributions",
            "replay-dry-run-invalid",
            "replay-done",
            "data-quality-replayed",
            "customer-paged",
            "customer-filtered",
            "api-key-created",
            "api-keys")) {
      assertThat(SCREENSHOTS.resolve(page + ".png")).isNotEmptyFile();
    }
  }

  /**
   * The unknown event's record: still invalid while the plan lacks it, then replayed once the plan
   * has it, with the insert id the listing and the user's sequence agree on.
   */
  private static void assertReplay(JsonNode seen, String user) {
    assertThat(seen.get("replaySelected").asString()).isEqualTo("已选择 1 条");
    assertThat(seen.get("replayAsBackEnd").asInt()).as("the admins' as-back-end option").isOne();
    JsonNode invalid = seen.get("replayStillInvalid");
    assertThat(invalid.get("title").asString()).isEqualTo("预览结果（未写入）");
    assertThat(texts(invalid.get("counts"))).containsExactly("仍不合规 1");
    assertThat(texts(invalid.get("results")))
        .singleElement()
        .asString()
        .contains("NoSuchEvent", "仍不合规", "UNKNOWN_EVENT");
    assertThat(seen.get("planFixed").asInt()).isEqualTo(200);
    assertThat(texts(seen.get("replayPreview").get("counts"))).containsExactly("可重放 1");
    JsonNode replayed = seen.get("replayed");
    assertThat(replayed.get("title").asString()).isEqualTo("重放结果");
    assertThat(texts(replayed.get("counts"))).containsExactly("已重放 1");

    JsonNode record =
        http.get("/api/v1/projects/demo/quarantine")
            .body()
            .get("records")
            .valueStream()
            .filter(r -> r.get("payload").asString().contains("NoSuchEvent"))
            .findFirst()
            .orElseThrow();
    String insertId = record.get("replay").get("insert_id").asString();
    assertThat(texts(replayed.get("results")))
        .singleElement()
        .asString()
        .contains("已重放", "写入 ID " + insertId);
    JsonNode sample = seen.get("replayedSample");
    assertThat(sample.get("text").asString()).contains("已重放", TestAdmin.USERNAME, insertId);
    assertThat(sample.get("checkboxDisabled").asBoolean())
        .as("a replayed record is not offered")
        .isTrue();
    assertThat(sample.get("selected").asString()).isEqualTo("已选择 0 条");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> http.get("/api/v1/projects/demo/users/" + user + "/events").body(),
            body ->
                body.get("events")
                    .valueStream()
                    .anyMatch(e ->
                        e.get("event").asString().equals("NoSuchEvent")
                            && e.get("insert_id").asString().equals(insertId)));
  }

  /** Step 2 of page view → sign-up: the one user who signed up, listed, downloaded and opened. */
  private static void assertFunnelUsers(JsonNode seen, String reader) {
    JsonNode drill = seen.get("drill");
    assertThat(drill.get("title").asString()).isEqualTo("步骤 2 · 到达用户");
    assertThat(drill.get("detail").asString()).contains("到达步骤 2", "注册");
    assertThat(drill.get("summary").asString()).isEqualTo("共 1 位用户 · 第 1–1 位");
    assertThat(texts(drill.get("users"))).containsExactly(reader);
    assertThat(texts(drill.get("links"))).containsExactly("#/customer?user=" + reader);
    assertThat(drill.get("nextDisabled").asBoolean()).as("one page only").isTrue();
    assertThat(drill.get("droppedDisabled").asBoolean()).as("nobody dropped at step 2").isTrue();
    JsonNode csv = seen.get("drillCsv");
    assertThat(csv.get("name").asString()).startsWith("funnel-step2-reached-").endsWith(".csv");
    assertThat(csv.get("text").asString().lines().toList()).containsExactly("user_id", reader);
    JsonNode customer = seen.get("drillCustomer");
    assertThat(customer.get("hash").asString()).isEqualTo("#/customer?user=" + reader);
    assertThat(customer.get("summary").asString()).isEqualTo("共 3 个事件，1 个会话");
  }

  /** Fourteen events ten at a time, then the two card bindings by event and by date. */
  private static void assertUserSequencePages(JsonNode seen) {
    JsonNode paging = seen.get("paging");
    assertThat(paging.get("first").asInt()).isEqualTo(10);
    assertThat(paging.get("older").asInt()).as("the load-older button").isOne();
    List<String> all = texts(paging.get("all"));
    assertThat(all).hasSize(14);
    assertThat(all.subList(0, 12)).containsOnly("Login");
    assertThat(all.subList(12, 14)).containsOnly("BindCard");
    JsonNode filtered = seen.get("filtered");
    assertThat(texts(filtered.get("events"))).containsExactly("BindCard", "BindCard");
    assertThat(filtered.get("hash").asString()).contains("events=BindCard");
    assertThat(texts(filtered.get("beforeTwoDaysAgo"))).containsExactly("BindCard", "BindCard");
    assertThat(filtered.get("today").asString()).contains("所选事件和时间范围内没有事件");
  }

  /**
   * A public key shown once and working, then revoked and refused; the test's secret key rotated
   * with an hour's grace, so it still works.
   */
  private static void assertApiKeys(JsonNode seen, String backEnd) throws Exception {
    assertThat(seen.get("keys").get("backEnd").asString()).contains("后端事件", "私密密钥");
    assertThat(texts(seen.get("keys").get("before")))
        .anyMatch(row -> row.contains("test secret key"));
    JsonNode created = seen.get("keyCreated");
    String key = created.get("key").asString();
    assertThat(key).startsWith("sx_pub_");
    assertThat(created.get("copied").asString()).isEqualTo(key);
    assertThat(created.get("title").asString()).isEqualTo("密钥已创建");
    assertThat(created.get("warning").asString()).contains("只显示这一次");
    assertThat(created.get("sendStatus").asInt())
        .as("an event sent with the new key")
        .isEqualTo(200);
    assertThat(created.get("shownAgain").asBoolean())
        .as("the key's text after the dialog")
        .isFalse();
    JsonNode listed =
        http.get("/api/v1/projects/demo/keys")
            .body()
            .valueStream()
            .filter(k -> k.get("name").asString().equals("console-android"))
            .findFirst()
            .orElseThrow();
    assertThat(key).startsWith(listed.get("hint").asString());
    assertThat(listed.get("status").asString()).isEqualTo("revoked");
    assertThat(created.get("row").asString())
        .contains("console-android", "公开密钥", "有效", listed.get("hint").asString());

    JsonNode rotated = seen.get("keyRotated");
    assertThat(rotated.get("key").asString()).startsWith("sx_sec_").isNotEqualTo(backEnd);
    assertThat(rotated.get("title").asString()).isEqualTo("新密钥已生成");
    assertThat(rotated.get("old").asString()).startsWith("旧密钥将于").endsWith("失效。");

    assertThat(seen.get("keyRevoke").get("confirm").asString()).contains("吊销立即生效");
    assertThat(texts(seen.get("keyRevoke").get("rows")))
        .anyMatch(row -> row.contains("console-android") && row.contains("已吊销"))
        .anyMatch(row -> row.contains("test secret key") && row.contains("即将失效"));
    String event =
        JSON.writeValueAsString(List.of(aTrack("$AppStart", "key-check", Instant.now()).toMap()));
    // Collectors cache a key's check briefly (api-keys.cache-ttl, 10 s).
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.postWithKey("/api/v1/events?project=demo", key, event).status() == 401);
    assertThat(http.postWithKey("/api/v1/events?project=demo", backEnd, event).status())
        .as("the rotated secret key, within its grace period")
        .isEqualTo(200);
  }

  private static JsonNode drive(String user, String reader, String pager)
      throws IOException, InterruptedException {
    return BrowserDriver.run(
        dataDir,
        Duration.ofSeconds(300),
        "drive-console.mjs",
        baseUrl,
        user,
        SCREENSHOTS.toAbsolutePath().toString(),
        TestAdmin.USERNAME,
        TestAdmin.PASSWORD,
        reader,
        pager);
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
