package dev.sextant.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.TestServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's overview and sessions pages in headless Chromium ({@code
 * src/test/browser/drive-overview.mjs}) on the all-in-one server with its demo data, which holds no
 * event of today: the overview first says so, with the latest day that had events (as the analysis
 * API answers it). Then six page views of two users (three sessions) and three invalid records are
 * posted now with the secret key, and the overview shows exactly today's DAU, new users and events,
 * and the ingestion rate, lag and quarantine rate the ingestion API answers; the sessions page,
 * filtered to the posted pages, shows their sessions, duration, pages per session, bounce rate and
 * dwell per page. Screenshots go to {@code target/console-screenshots/}.
 */
class OverviewAndSessionsConsoleIT {

  private static final Path SCREENSHOTS = BrowserDriver.SCREENSHOTS;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @TempDir static Path dataDir;

  private static TestServer server;
  private static JsonHttp http;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    http = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void overviewShowsTodaysFiguresAndIngestionAndSessionsShowsThePostedSessions() throws Exception {
    Instant now = Instant.now();
    LocalDate today = LocalDate.now(SHANGHAI);
    Instant dayStart = today.atStartOfDay(SHANGHAI).toInstant();
    String prefix = "it-sess-" + UUID.randomUUID().toString().substring(0, 6);
    String alice = prefix + "-alice";
    String bob = prefix + "-bob";
    Instant t0 = now.minus(Duration.ofMinutes(45));
    // Alice: home → list → detail (3 minutes), then 40 minutes later home alone (a bounce);
    // Bob: home twice, 30 s apart. With the default 30-minute timeout: three sessions.
    List<PageView> views =
        List.of(
            new PageView(alice, t0, prefix + "-home"),
            new PageView(alice, t0.plusSeconds(60), prefix + "-list"),
            new PageView(alice, t0.plusSeconds(180), prefix + "-detail"),
            new PageView(alice, t0.plus(Duration.ofMinutes(40)), prefix + "-home"),
            new PageView(bob, t0.plus(Duration.ofMinutes(5)), prefix + "-home"),
            new PageView(bob, t0.plus(Duration.ofMinutes(5)).plusSeconds(30), prefix + "-home"));
    List<Map<String, Object>> records = new ArrayList<>();
    views.forEach(view -> records.add(view.toRecord()));
    // Three records the plan refuses: two unknown events and a page view without its $url.
    records.add(track("IT_NoSuchEvent", alice, now, Map.of()));
    records.add(track("IT_NoSuchEvent", bob, now, Map.of()));
    records.add(track("$pageview", bob, now, Map.of("page_id", prefix + "-broken")));
    Path recordsFile = Files.createTempFile(dataDir, "records-", ".json");
    Files.writeString(recordsFile, JSON.writeValueAsString(records), StandardCharsets.UTF_8);
    String backEnd = TestAdmin.newKey(http, "demo", "secret");

    JsonNode before = http.get("/api/v1/projects/demo/ingestion?minutes=60").body();
    String lastActiveDay = lastDayWithEvents(today);

    JsonNode seen = drive(recordsFile, backEnd, prefix);

    assertThat(seen.get("pageErrors").size()).as("uncaught errors in the page").isZero();
    assertNoEventsToday(seen.get("before"), before, today, lastActiveDay);

    JsonNode posted = seen.get("posted");
    assertThat(posted.get("status").asInt()).as("%s", posted).isEqualTo(200);
    assertThat(posted.get("body").get("accepted").asInt()).isEqualTo(6);
    assertThat(posted.get("body").get("quarantined").asInt()).isEqualTo(3);

    JsonNode after = seen.get("after");
    assertThat(texts(after.get("errors"))).isEmpty();
    // Today's figures: what was posted with an event time in today's local day.
    List<PageView> ofToday = views.stream().filter(v -> !v.time().isBefore(dayStart)).toList();
    Set<String> activeToday = ofToday.stream().map(PageView::user).collect(Collectors.toSet());
    long newToday =
        activeToday.stream()
            .filter(user ->
                views.stream()
                    .filter(v -> v.user().equals(user))
                    .noneMatch(v -> v.time().isBefore(dayStart)))
            .count();
    assertThat(after.get("dau").asString()).isEqualTo(String.valueOf(activeToday.size()));
    assertThat(after.get("newUsers").asString()).isEqualTo(String.valueOf(newToday));
    assertThat(after.get("eventsToday").asString()).isEqualTo(String.valueOf(ofToday.size()));
    assertThat(after.get("noEventsToday").get("count").asInt()).isZero();
    assertTrend(after.get("trend"), today);

    JsonNode report = http.get("/api/v1/projects/demo/ingestion?minutes=60").body();
    assertIngestion(after, report, before);
    JsonHttp.Response refused = http.get("/api/v1/projects/demo/ingestion?minutes=0");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("type").asString())
        .isEqualTo("https://sextant.dev/problems/invalid-query");
    assertThat(refused.body().get("field").asString()).isEqualTo("minutes");

    assertThat(seen.get("quality").get("hash").asString()).isEqualTo("#/quality");
    assertThat(texts(seen.get("quality").get("reasons")))
        .anyMatch(r -> r.contains("UNKNOWN_EVENT"))
        .anyMatch(r -> r.contains("MISSING_REQUIRED_PROPERTY"));

    assertSessions(seen, prefix);
    for (String shot : List.of("overview-no-events-today", "overview", "sessions")) {
      assertThat(SCREENSHOTS.resolve(shot + ".png")).isNotEmptyFile();
    }
  }

  /**
   * Before today's records: no event today, said as a notice with the latest day that had events,
   * and the quarantine rate of what was received today, if anything.
   */
  private static void assertNoEventsToday(
      JsonNode page, JsonNode report, LocalDate today, String lastActiveDay) {
    assertThat(texts(page.get("errors"))).isEmpty();
    assertThat(page.get("eventsToday").asString()).isEqualTo("0");
    assertThat(page.get("dau").asString()).isEqualTo("0");
    JsonNode notice = page.get("noEventsToday");
    assertThat(notice.get("count").asInt()).isOne();
    assertThat(notice.get("message").asString()).isEqualTo("今天（" + today + "）还没有事件");
    assertThat(notice.get("description").asString())
        .isEqualTo(
            lastActiveDay == null
                ? "最近 30 天都没有事件。"
                : "最近有事件的日期是 " + lastActiveDay + "；下方趋势图展示最近 30 天。");
    assertTrend(page.get("trend"), today);
    assertThat(page.get("quarantineToday").asString()).isEqualTo(percent(report.get("today")));
  }

  /** The trend chart is drawn over the 30 local days up to today, whatever today holds. */
  private static void assertTrend(JsonNode trend, LocalDate today) {
    assertThat(trend.get("svg").asInt()).isOne();
    assertThat(trend.get("days").asInt()).isEqualTo(30);
    assertThat(trend.get("first").asString()).isEqualTo(today.minusDays(29).toString());
    assertThat(trend.get("last").asString()).isEqualTo(today.toString());
  }

  /** The page's ingestion figures are the API's, and the API counted what was posted. */
  private static void assertIngestion(JsonNode page, JsonNode report, JsonNode before) {
    JsonNode window = report.get("window");
    JsonNode todayCounts = report.get("today");
    assertThat(
            window.get("quarantined").asLong() - before.get("window").get("quarantined").asLong())
        .isEqualTo(3);
    assertThat(window.get("accepted").asLong() - before.get("window").get("accepted").asLong())
        .isEqualTo(6);
    assertThat(todayCounts.get("quarantined").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(page.get("quarantineWindow").asString()).isEqualTo(percent(window));
    assertThat(page.get("quarantineToday").asString()).isEqualTo(percent(todayCounts));
    assertThat(page.get("quarantineWindowCounts").asString()).isEqualTo(counts(window));
    assertThat(page.get("quarantineTodayCounts").asString()).isEqualTo(counts(todayCounts));
    String rate =
        BigDecimal.valueOf(window.get("accepted").asLong())
            .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString();
    assertThat(page.get("rate").asString()).startsWith(rate).contains("条/分钟");
    assertThat(page.get("window").asString())
        .isEqualTo(
            "共入库 "
                + window.get("accepted").asLong()
                + " 条，隔离 "
                + window.get("quarantined").asLong()
                + " 条");
    // The latest event was stored moments before the page read it.
    assertThat(page.get("lag").asString()).matches("\\d+ (秒|分钟)");
    assertThat(page.get("latest").asString()).startsWith("最近入库：");
    JsonNode chart = page.get("ingestion");
    assertThat(chart.get("svg").asInt()).isOne();
    assertThat(chart.get("minutes").asInt()).isEqualTo(60);
    // The page was read moments before the report: across a minute's turn its last minute is the
    // report's last but one.
    assertThat(chart.get("last").asString())
        .isIn(
            localMinute(report.get("minutes").get(59).get("start").asString()),
            localMinute(report.get("minutes").get(58).get("start").asString()));
    assertThat(page.get("qualityLink").asString()).isEqualTo("#/quality");
  }

  /**
   * Three sessions: 180 s + 0 s + 30 s is 70 s on average, 6 page views is 2 a session, one bounce
   * in three; home dwelt 60 s and 30 s (two views followed by another event), the list 120 s.
   */
  private static void assertSessions(JsonNode seen, String prefix) {
    assertThat(texts(seen.get("sessionsMenu"))).contains("Session 分析");
    // Page views as Sensors names them, and the demo plan's page id for dwell: the defaults.
    assertThat(texts(seen.get("sessionsPageViews")))
        .containsExactly("Web 浏览页面 ($pageview)", "App 浏览页面 ($AppViewScreen)", "页面 ID (page_id)");
    JsonNode sessions = seen.get("sessions");
    assertThat(sessions.get("error").isNull()).as("%s", sessions.get("error")).isTrue();
    assertThat(sessions.get("sessions").asString()).isEqualTo("3");
    assertThat(sessions.get("duration").asString()).isEqualTo("1分10秒");
    assertThat(sessions.get("pages").asString()).isEqualTo("2");
    assertThat(sessions.get("bounce").asString()).isEqualTo("33.33%");
    assertThat(texts(sessions.get("rows"))).hasSize(7);
    assertThat(texts(sessions.get("dwell")))
        .satisfiesExactly(
            home -> assertThat(home.split("\t")).containsExactly(prefix + "-home", "2", "45秒"),
            list -> assertThat(list.split("\t")).containsExactly(prefix + "-list", "1", "2分00秒"));
    assertThat(sessions.get("charts").get("sessions").asInt()).isOne();
    assertThat(sessions.get("charts").get("hours").asInt()).isOne();
    assertThat(sessions.get("hourTitle").asString()).isEqualTo("会话开始时段（Asia/Shanghai）");
    assertThat(seen.get("sessionsEmpty").asString()).contains("所选时间内没有会话");
  }

  /** The latest local day of the 30 up to today with an event, as the analysis API answers. */
  private static String lastDayWithEvents(LocalDate today) throws Exception {
    String request =
        JSON.writeValueAsString(
            Map.of(
                "metrics", List.of(Map.of("events", List.of(), "measure", "events")),
                "from", today.minusDays(29).toString(),
                "to", today.toString(),
                "granularity", "day"));
    JsonNode answer = http.post("/api/v1/projects/demo/analyses/events", request).body();
    TreeSet<String> days = new TreeSet<>();
    for (JsonNode point : answer.get("current").get(0).get("points")) {
      if (point.get("value").asLong() > 0) {
        days.add(
            LocalDate.ofInstant(Instant.parse(point.get("bucket").asString()), SHANGHAI)
                .toString());
      }
    }
    return days.isEmpty() ? null : days.last();
  }

  /** As the console writes a ratio: two decimals and a percent sign, a dash for none. */
  private static String percent(JsonNode counts) {
    long quarantined = counts.get("quarantined").asLong();
    long total = counts.get("accepted").asLong() + quarantined;
    return total == 0 ? "—" : String.format(Locale.ROOT, "%.2f%%", 100.0 * quarantined / total);
  }

  private static String counts(JsonNode counts) {
    long quarantined = counts.get("quarantined").asLong();
    return "隔离 " + quarantined + " / 共 " + (counts.get("accepted").asLong() + quarantined) + " 条";
  }

  private static String localMinute(String instant) {
    return Instant.parse(instant).atZone(SHANGHAI).toLocalTime().toString().substring(0, 5);
  }

  private static JsonNode drive(Path records, String key, String prefix)
      throws IOException, InterruptedException {
    return BrowserDriver.run(
        dataDir,
        Duration.ofSeconds(300),
        "drive-overview.mjs",
        "http://127.0.0.1:" + server.port(),
        SCREENSHOTS.toAbsolutePath().toString(),
        TestAdmin.USERNAME,
        TestAdmin.PASSWORD,
        records.toAbsolutePath().toString(),
        key,
        prefix);
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  private static Map<String, Object> track(
      String event, String distinctId, Instant time, Map<String, Object> properties) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("type", "track");
    record.put("event", event);
    record.put("distinct_id", distinctId);
    record.put("time", time.toEpochMilli());
    record.put("properties", properties);
    return record;
  }

  /** A web page view of one of the test's pages. */
  private record PageView(String user, Instant time, String page) {

    Map<String, Object> toRecord() {
      return track(
          "$pageview", user, time, Map.of("$url", "https://example.com/" + page, "page_id", page));
    }
  }
}
