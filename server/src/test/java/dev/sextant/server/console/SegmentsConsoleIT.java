package dev.sextant.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.TestServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's segments pages on the all-in-one server and its demo data (from 2017-01-01, where
 * the case study's campaign is simulated), in headless Chromium ({@code
 * src/test/browser/drive-segments.mjs}): the case study's segment built in the builder, whose rule
 * and live count must be the API's; saved, snapshotted as of 2017-02-14, its members paged and
 * downloaded as the API lists and exports them; a campaign with a 50 % holdout created on the
 * snapshot, whose effect report must show the API's numbers. Screenshots go to {@code
 * target/console-screenshots/}.
 */
class SegmentsConsoleIT {

  private static final Path SCREENSHOTS = BrowserDriver.SCREENSHOTS;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DEMO = "/api/v1/projects/demo";

  /** Signed up in January, viewed the credit report, never invested: CaseStudyCampaignIT's rule. */
  private static final String HIGH_INTENT =
      """
      {"all": [
        {"first_did": {"events": ["SignUp"],
                       "filter": {"property": "result", "op": "eq", "values": ["success"]}},
         "within": {"from": "2017-01-01", "to": "2017-01-31"}},
        {"did": {"events": ["$AppViewScreen", "$pageview"],
                 "filter": {"property": "page_id", "op": "eq", "values": ["credit_report"]}},
         "within": {"from": "2017-01-01", "to": "2017-02-14"}},
        {"did_not": {"events": ["P2P_InvestSuccess"]},
         "within": {"from": "2017-01-01", "to": "2017-02-14"}}
      ]}
      """;

  /** The report's default goal: back in the app, then invested, in the two weeks after. */
  private static final String INVEST_FUNNEL =
      """
      {"steps": [{"events": ["$AppStart", "$pageview"]}, {"events": ["P2P_InvestSuccess"]}],
       "window_seconds": 1209600, "from": "2017-02-15", "to": "2017-02-28"}
      """;

  @TempDir static Path dataDir;

  private static TestServer server;
  private static JsonHttp http;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, "--sextant.demo.first-day=2017-01-01");
    http = server.admin();
    // The demo comes with the case study's segment saved; this test builds it itself, from the
    // empty page on.
    for (JsonNode saved : http.get(DEMO + "/segments").body()) {
      assertThat(http.delete(DEMO + "/segments/" + saved.get("id").asString()).status())
          .isEqualTo(204);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void buildsSnapshotsExportsAndMeasuresTheCaseStudysSegment() throws Exception {
    JsonNode seen = drive();
    assertThat(seen.get("pageErrors").size()).as("uncaught errors in the page").isZero();
    assertThat(seen.get("emptyStates").get("segments").asString()).contains("还没有保存的分群");
    assertThat(seen.get("emptyStates").get("campaigns").asString()).contains("还没有活动");
    assertThat(seen.get("unknownSegment").asString()).contains("不存在");

    long members = assertBuilder(seen);
    String segment = assertSaved(seen);
    List<String> paged = assertSnapshotAndMembers(seen, segment, members);
    assertThat(paged).hasSize((int) members);
    assertCampaign(seen, segment, members);
    assertComparison(seen);

    for (String shot :
        List.of(
            "segments-empty",
            "segment-builder",
            "segment-builder-stale",
            "segment-builder-issue",
            "segments-saved",
            "segment-members",
            "campaign-new",
            "campaign-effect",
            "segments-campaigns",
            "segments-compare",
            "campaign-effect-en")) {
      assertThat(SCREENSHOTS.resolve(shot + ".png")).isNotEmptyFile();
    }
  }

  /** The builder wrote the case study's rule, and counted what the API counts for it. */
  private static long assertBuilder(JsonNode seen) {
    JsonNode builder = seen.get("builder");
    assertThat(builder.get("ruleJson")).isEqualTo(JSON.readTree(HIGH_INTENT));
    assertThat(builder.get("conditions").asInt()).isEqualTo(3);
    long previewed =
        ok(http.post(
                DEMO + "/segments/preview",
                "{\"rule\": " + HIGH_INTENT + ", \"as_of\": \"2017-02-14\"}"))
            .get("users")
            .asLong();
    assertThat(previewed).isGreaterThan(10);
    assertThat(number(builder.get("liveCount").asString())).isEqualTo(previewed);
    assertThat(builder.get("apiCountOfPageRule").get("body").get("users").asLong())
        .isEqualTo(previewed);

    assertThat(seen.get("stale").get("tag").asString()).isEqualTo("规则已修改，正在重新计算…");
    assertThat(seen.get("stale").get("spinner").asInt()).as("the counting spinner").isOne();
    assertThat(number(seen.get("recounted").asString())).isEqualTo(previewed);
    JsonNode issue = seen.get("issue");
    assertThat(issue.get("text").asString()).isEqualTo("筛选条件缺少属性");
    assertThat(issue.get("state").asString()).isEqualTo("invalid");
    assertThat(issue.get("saveDisabled").asBoolean()).isTrue();
    assertThat(seen.get("nameIssue").asString()).isEqualTo("请填写分群名称");
    return previewed;
  }

  /** One segment is left (the second copy was deleted), with the builder's rule. */
  private static String assertSaved(JsonNode seen) {
    // Newest first: the two the comparison saved, then the builder's (its copy was deleted).
    JsonNode saved = ok(http.get(DEMO + "/segments"));
    assertThat(saved.valueStream().map(s -> s.get("name").asString()))
        .containsExactlyInAnyOrder("未推送", "已推送", "高意向客户");
    JsonNode built = saved.get(2);
    assertThat(built.get("name").asString()).isEqualTo("高意向客户");
    assertThat(built.get("rule")).isEqualTo(JSON.readTree(HIGH_INTENT));
    assertThat(built.get("refresh").asString()).as("the builder's default").isEqualTo("none");
    String id = built.get("id").asString();
    assertThat(seen.get("segmentId").asString()).isEqualTo(id);
    assertThat(texts(seen.get("saved")))
        .singleElement()
        .asString()
        .contains("高意向客户", "3 个条件", "手动");
    assertThat(seen.get("copied").get("rule")).isEqualTo(JSON.readTree(HIGH_INTENT));
    assertThat(seen.get("copied").get("name").asString()).isEqualTo("高意向客户 副本");
    assertThat(seen.get("summary").asString())
        .contains("满足全部条件", "首次做 注册", "2017-01-01 至 2017-01-31", "credit_report", "没做过 投资成功");
    return id;
  }

  /** The snapshot holds the previewed users; its pages and CSV are the API's list. */
  private static List<String> assertSnapshotAndMembers(
      JsonNode seen, String segment, long members) {
    JsonNode snapshots = ok(http.get(DEMO + "/segments/" + segment + "/snapshots"));
    assertThat(snapshots.size()).isOne();
    JsonNode snapshot = snapshots.get(0);
    assertThat(snapshot.get("as_of").asString()).isEqualTo("2017-02-14");
    assertThat(snapshot.get("users").asLong()).isEqualTo(members);
    assertThat(number(seen.get("snapshotUsers").asString())).isEqualTo(members);
    assertThat(texts(seen.get("snapshots"))).singleElement().asString().contains("2017-02-14");

    String path = DEMO + "/segments/" + segment + "/snapshots/" + snapshot.get("id").asString();
    List<String> listed = new ArrayList<>();
    String after = null;
    do {
      JsonNode page =
          ok(http.get(path + "/members?limit=1000" + (after == null ? "" : "&after=" + after)));
      page.get("members").forEach(member -> listed.add(member.asString()));
      after = page.get("next_after").isNull() ? null : page.get("next_after").asString();
    } while (after != null);
    JsonNode browsed = seen.get("members");
    List<String> paged = texts(browsed.get("all"));
    assertThat(paged).isEqualTo(listed);
    JsonNode pages = browsed.get("pages");
    assertThat(pages.size()).isEqualTo((int) ((members + 49) / 50));
    assertThat(pages.get(0).get("users").asInt()).isEqualTo(50);
    assertThat(pages.get(0).get("summary").asString())
        .isEqualTo("共 %d 位用户 · 第 1–50 位".formatted(members));
    assertThat(browsed.get("firstLink").asString()).startsWith("#/customer?user=");

    JsonNode csv = seen.get("csv");
    assertThat(csv.get("name").asString()).isEqualTo("segment-高意向客户-2017-02-14.csv");
    assertThat(csv.get("text").asString()).isEqualTo(http.getText(path + "/members.csv"));
    List<String> lines = csv.get("text").asString().lines().toList();
    assertThat(lines.getFirst()).isEqualTo("user_id");
    assertThat(lines.subList(1, lines.size())).isEqualTo(listed);

    JsonNode opened = seen.get("memberOpened");
    assertThat(listed).contains(opened.get("id").asString());
    assertThat(opened.get("hash").asString())
        .isEqualTo("#/customer?user=" + opened.get("id").asString());
    assertThat(opened.get("summary").asString()).startsWith("共 ").contains("个事件");
    return paged;
  }

  /** The campaign splits the snapshot; its report shows the API's effect on the invest funnel. */
  private static void assertCampaign(JsonNode seen, String segment, long members) {
    assertThat(seen.get("campaignDialog").get("holdout").asString()).isEqualTo("50");
    JsonNode campaigns = ok(http.get(DEMO + "/campaigns"));
    assertThat(campaigns.size()).isOne();
    JsonNode campaign = campaigns.get(0);
    String id = campaign.get("id").asString();
    assertThat(seen.get("campaignId").asString()).isEqualTo(id);
    assertThat(campaign.get("name").asString()).isEqualTo("征信页唤醒");
    assertThat(campaign.get("segment_id").asString()).isEqualTo(segment);
    assertThat(campaign.get("holdout_percent").asInt()).isEqualTo(50);
    assertThat(campaign.get("targeted").asLong() + campaign.get("held_out").asLong())
        .isEqualTo(members);
    assertThat(texts(seen.get("campaigns")))
        .singleElement()
        .asString()
        .contains("征信页唤醒", "高意向客户", "50%");

    JsonNode effect = seen.get("effect");
    assertThat(texts(effect.get("range"))).containsExactly("2017-02-15", "2017-02-28");
    assertThat(texts(effect.get("steps")))
        .satisfiesExactly(
            first -> assertThat(first).contains("$AppStart", "$pageview"),
            second -> assertThat(second).contains("P2P_InvestSuccess"));
    JsonNode report =
        ok(http.post(DEMO + "/campaigns/" + id + "/effect", "{\"funnel\": " + INVEST_FUNNEL + "}"));
    System.out.printf(
        "segments console: %d members; campaign %s; effect %s%n", members, campaign, report);
    assertThat(percent(effect.get("targeted").asString()))
        .isCloseTo(report.get("targeted").get("rate").asDouble() * 100, within(0.006));
    assertThat(percent(effect.get("heldOut").asString()))
        .isCloseTo(report.get("held_out").get("rate").asDouble() * 100, within(0.006));
    JsonNode versus = report.get("targeted_vs_held_out");
    assertThat(points(effect.get("uplift").asString()))
        .isCloseTo(versus.get("difference").asDouble() * 100, within(0.006));
    double p = versus.get("p_value").asDouble();
    String pText = effect.get("pValue").asString();
    if (p < 0.001) {
      assertThat(pText).isEqualTo("< 0.001");
    } else {
      assertThat(Double.parseDouble(pText)).isCloseTo(p, within(0.0006));
    }
    assertThat(effect.get("interval").asString()).startsWith("[").endsWith("] 百分点");
    String verdict = effect.get("verdict").asString();
    if (p < 0.05) {
      assertThat(verdict).contains(versus.get("difference").asDouble() > 0 ? "显著高于" : "显著低于");
    } else {
      assertThat(verdict).contains("差异不显著");
      assertThat(effect.get("verdictClass").asString()).contains("effect-verdict-inconclusive");
    }
    assertThat(texts(effect.get("rows")))
        .satisfiesExactly(
            targeted ->
                assertThat(targeted)
                    .startsWith("推送组")
                    .contains(report.get("targeted").get("users").asString()),
            heldOut ->
                assertThat(heldOut)
                    .startsWith("对照组")
                    .contains(report.get("held_out").get("converted").asString()),
            others ->
                assertThat(others)
                    .startsWith("未入选用户")
                    .contains(report.get("not_targeted").get("users").asString()));
    assertThat(effect.get("chartBars").asInt()).as("the chart's bars").isPositive();
    assertThat(seen.get("reopened").asString()).isEqualTo(effect.get("targeted").asString());
    assertThat(seen.get("english").get("verdict").asString())
        .isEqualTo(
            p >= 0.05
                ? "Not significant: at 95% confidence the difference may be chance"
                : versus.get("difference").asDouble() > 0
                    ? "Targeted users convert significantly better than the holdout (95% confidence)"
                    : "Targeted users convert significantly worse than the holdout (95% confidence)");
  }

  /** Pushed against not pushed users of the segment, as the API compares them. */
  private static void assertComparison(JsonNode seen) {
    String push =
        """
        {"events": ["push_Receive"],
         "filter": {"property": "push_campaign", "op": "eq",
                    "values": ["credit_report_jan_signups"]}},
        "within": {"from": "2017-02-15", "to": "2017-02-15"}
        """;
    JsonNode comparison =
        ok(
            http.post(
                DEMO + "/segments/compare",
                """
                {"segments": [
                   {"name": "已推送", "rule": {"all": [%s, {"did": %s}]}},
                   {"name": "未推送", "rule": {"all": [%s, {"did_not": %s}]}}],
                 "as_of": "2017-02-15", "funnel": %s}
                """
                    .formatted(HIGH_INTENT, push, HIGH_INTENT, push, INVEST_FUNNEL)));
    JsonNode compared = seen.get("compare");
    List<String> rows = texts(compared.get("rows"));
    assertThat(rows).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode group = comparison.get("groups").get(i);
      String row = rows.get(i);
      assertThat(row).startsWith(group.get("name").asString());
      assertThat(row)
          .contains(
              group.get("group").get("users").asString(),
              group.get("group").get("converted").asString());
    }
    JsonNode versus = comparison.get("comparisons").get(0).get("comparison");
    // The simulation's push works, by about the case study's margin; on the default demo's 1,000
    // users that need not be significant, and the page must say which it is.
    assertThat(versus.get("difference").asDouble()).isPositive();
    assertThat(compared.get("verdict").asString())
        .isEqualTo(versus.get("p_value").asDouble() < 0.05 ? "基准显著更高" : "不显著");
    assertThat(compared.get("chart").asInt()).isOne();
  }

  private static JsonNode drive() throws IOException, InterruptedException {
    return BrowserDriver.run(
        dataDir,
        Duration.ofSeconds(300),
        "drive-segments.mjs",
        "http://127.0.0.1:" + server.port(),
        SCREENSHOTS.toAbsolutePath().toString(),
        TestAdmin.USERNAME,
        TestAdmin.PASSWORD);
  }

  /** "153" or "1,234" as the page writes a count. */
  private static long number(String text) {
    return Long.parseLong(text.replace(",", "").trim());
  }

  /** "15.94%" */
  private static double percent(String text) {
    return Double.parseDouble(text.replace("%", "").trim());
  }

  /** "+5.49 百分点", "−2.00 百分点", "±0.00 百分点" */
  private static double points(String text) {
    String number = text.replace("百分点", "").replace("±", "").trim();
    return number.startsWith("−")
        ? -Double.parseDouble(number.substring(1))
        : Double.parseDouble(number.replace("+", ""));
  }

  private static JsonNode ok(JsonHttp.Response response) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
    return response.body();
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
