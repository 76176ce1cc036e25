package dev.sextant.server.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.SextantServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The case study's operations loop on the all-in-one server (DuckDB, H2) and its demo data, which
 * simulates the campaign: January 2017 sign-ups who viewed the credit report and never invested
 * were pushed on 2017-02-15 (half of them; the other half is the simulation's holdout), and pushed
 * users convert more. Over the HTTP API: build the segment, count it, snapshot and export it, run a
 * campaign with a holdout on the snapshot and read its effect report, and compare pushed with not
 * pushed users on the invest funnel, as the case study's figure 6 does.
 */
class CaseStudyCampaignIT {

  private static final String SEGMENTS = "/api/v1/projects/demo/segments";

  /** Signed up in January, viewed the credit report, never invested: as of the day before. */
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

  /** The simulation's push of the campaign, received on its day. */
  private static final String PUSH =
      """
      {"events": ["push_Receive"],
       "filter": {"property": "push_campaign", "op": "eq", "values": ["credit_report_jan_signups"]}},
      "within": {"from": "2017-02-15", "to": "2017-02-15"}
      """;

  private static final String PUSHED = "{\"did\": " + PUSH + "}";
  private static final String NOT_PUSHED = "{\"did_not\": " + PUSH + "}";

  /** Back in the app within the two weeks after the push, then invested within them. */
  private static final String INVEST_FUNNEL =
      """
      {"steps": [{"events": ["$AppStart", "$pageview"]}, {"events": ["P2P_InvestSuccess"]}],
       "window_seconds": 1209600, "from": "2017-02-15", "to": "2017-02-28"}
      """;

  @TempDir static Path dataDir;

  private static ConfigurableApplicationContext server;
  private static JsonHttp http;

  @BeforeAll
  static void start() {
    server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(
                TestAdmin.ARGUMENT,
                "--server.port=0",
                "--sextant.data-dir=" + dataDir,
                // The case study's own calendar: January 2017 sign-ups, pushed on 2017-02-15.
                "--sextant.demo.first-day=2017-01-01");
    int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
    http = TestAdmin.signedIn(port);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void runsTheCaseStudysCampaignEndToEnd() {
    // Build the segment and count it while editing.
    long previewed =
        ok(http.post(
                SEGMENTS + "/preview",
                "{\"rule\": " + HIGH_INTENT + ", \"as_of\": \"2017-02-14\"}"))
            .path("users")
            .asLong();
    assertThat(previewed).isGreaterThan(10);

    JsonNode saved =
        created(http.post(SEGMENTS, "{\"name\": \"高意向客户\", \"rule\": " + HIGH_INTENT + "}"));
    String segment = saved.path("id").asString();
    assertThat(saved.path("rule").path("all").size()).isEqualTo(3);
    assertThat(ok(http.get(SEGMENTS + "/" + segment)).path("name").asString()).isEqualTo("高意向客户");

    // Materialise it as of the day before the push; export it.
    JsonNode snapshot =
        created(http.post(SEGMENTS + "/" + segment + "/snapshots", "{\"as_of\": \"2017-02-14\"}"));
    String snapshotId = snapshot.path("id").asString();
    assertThat(snapshot.path("users").asLong()).isEqualTo(previewed);
    assertThat(ok(http.get(SEGMENTS + "/" + segment + "/snapshots")).size()).isEqualTo(1);

    String members = SEGMENTS + "/" + segment + "/snapshots/" + snapshotId + "/members";
    List<String> paged = new ArrayList<>();
    String after = null;
    do {
      JsonNode page = ok(http.get(members + "?limit=7" + (after == null ? "" : "&after=" + after)));
      page.path("members").forEach(member -> paged.add(member.asString()));
      after = page.path("next_after").isNull() ? null : page.path("next_after").asString();
    } while (after != null);
    assertThat(paged).hasSize((int) previewed).doesNotHaveDuplicates().isSorted();
    List<String> csv = http.getText(members + ".csv").lines().toList();
    assertThat(csv.getFirst()).isEqualTo("user_id");
    assertThat(csv.subList(1, csv.size())).isEqualTo(paged);

    // Every user the simulation pushed is in our segment: it is the simulation's target.
    long pushedMembers =
        ok(http.post(
                SEGMENTS + "/preview",
                "{\"rule\": {\"all\": ["
                    + HIGH_INTENT
                    + ", "
                    + PUSHED
                    + "]}, \"as_of\": \"2017-02-14\"}"))
            .path("users")
            .asLong();
    long pushed =
        ok(http.post(
                SEGMENTS + "/preview", "{\"rule\": " + PUSHED + ", \"as_of\": \"2017-02-14\"}"))
            .path("users")
            .asLong();
    assertThat(pushed).isPositive().isEqualTo(pushedMembers).isLessThan(previewed);

    // A campaign on the snapshot with a 30 % holdout, and its effect on the invest funnel.
    JsonNode campaign =
        created(
            http.post(
                "/api/v1/projects/demo/campaigns",
                """
                {"name": "征信页唤醒", "segment_id": "%s", "snapshot_id": "%s", "holdout_percent": 30}
                """
                    .formatted(segment, snapshotId)));
    long targeted = campaign.path("targeted").asLong();
    long heldOut = campaign.path("held_out").asLong();
    assertThat(targeted + heldOut).isEqualTo(previewed);
    assertThat(heldOut).isPositive().isLessThan(targeted);
    JsonNode listed = ok(http.get("/api/v1/projects/demo/campaigns"));
    assertThat(listed.size()).isOne();
    assertThat(listed.get(0).path("id").asString()).isEqualTo(campaign.path("id").asString());
    assertThat(listed.get(0).path("snapshot_id").asString()).isEqualTo(snapshotId);
    assertThat(listed.get(0).path("held_out").asLong()).isEqualTo(heldOut);

    JsonNode effect =
        ok(
            http.post(
                "/api/v1/projects/demo/campaigns/" + campaign.path("id").asString() + "/effect",
                "{\"funnel\": " + INVEST_FUNNEL + "}"));
    assertThat(effect.path("targeted").path("users").asLong())
        .isPositive()
        .isLessThanOrEqualTo(targeted);
    assertThat(effect.path("held_out").path("users").asLong())
        .isPositive()
        .isLessThanOrEqualTo(heldOut);
    assertThat(effect.path("not_targeted").path("users").asLong()).isGreaterThan(previewed);
    JsonNode versusHoldout = effect.path("targeted_vs_held_out");
    assertThat(versusHoldout.path("p_value").asDouble()).isBetween(0.0, 1.0);
    assertThat(versusHoldout.path("lower95").asDouble())
        .isLessThanOrEqualTo(versusHoldout.path("difference").asDouble());

    // The case study's figure: pushed against not pushed users of the segment.
    JsonNode comparison =
        ok(
            http.post(
                SEGMENTS + "/compare",
                """
                {"segments": [
                   {"name": "pushed", "rule": {"all": [%s, %s]}},
                   {"name": "not_pushed", "rule": {"all": [%s, %s]}}],
                 "as_of": "2017-02-15",
                 "funnel": %s}
                """
                    .formatted(HIGH_INTENT, PUSHED, HIGH_INTENT, NOT_PUSHED, INVEST_FUNNEL)));
    JsonNode pushedGroup = comparison.path("groups").get(0).path("group");
    JsonNode notPushedGroup = comparison.path("groups").get(1).path("group");
    System.out.printf(
        "case study on the demo data: segment %d users, pushed %d; campaign targeted %d, held out %d;"
            + " effect %s; pushed %s, not pushed %s, %s%n",
        previewed,
        pushed,
        targeted,
        heldOut,
        effect,
        pushedGroup,
        notPushedGroup,
        comparison.path("comparisons"));
    assertThat(pushedGroup.path("rate").decimalValue())
        .isGreaterThan(notPushedGroup.path("rate").decimalValue());
  }

  @Test
  void filtersAnAnalysisBySegmentAndAnswersProblems() {
    long members =
        ok(http.post(SEGMENTS + "/preview", "{\"rule\": " + HIGH_INTENT + "}"))
            .path("users")
            .asLong();
    String saved =
        created(http.post(SEGMENTS, "{\"name\": \"to delete\", \"rule\": " + HIGH_INTENT + "}"))
            .path("id")
            .asString();
    // Every member viewed the credit report in the window, so each is active in it.
    String activeUsers =
        """
        {"metrics": [{"measure": "users"}], "from": "2017-01-01", "to": "2017-02-14",
         "granularity": "total", "segment": %s}
        """;
    for (String segment :
        List.of("{\"id\": \"" + saved + "\"}", "{\"rule\": " + HIGH_INTENT + "}")) {
      JsonNode result =
          ok(http.post("/api/v1/projects/demo/analyses/events", activeUsers.formatted(segment)));
      assertThat(result.path("current").get(0).path("points").get(0).path("value").asLong())
          .isEqualTo(members);
    }
    JsonNode sql =
        ok(
            http.post(
                "/api/v1/projects/demo/analyses/events/sql",
                activeUsers.formatted("{\"id\": \"" + saved + "\"}")));
    assertThat(sql.path("statements").get(0).asString()).contains("user_id IN (SELECT user_id");

    JsonNode invalid =
        http.post(SEGMENTS + "/preview", "{\"rule\": {\"did\": {}, \"times\": {\"at_least\": -1}}}")
            .body();
    assertThat(invalid.path("status").asInt()).isEqualTo(400);
    assertThat(invalid.path("field").asString()).isEqualTo("rule.times.times");

    assertThat(http.delete(SEGMENTS + "/" + saved).status()).isEqualTo(204);
    JsonNode missing = http.get(SEGMENTS + "/" + saved).body();
    assertThat(missing.path("status").asInt()).isEqualTo(404);
    assertThat(missing.path("type").asString())
        .isEqualTo("https://sextant.dev/problems/segment-not-found");
  }

  private static JsonNode ok(JsonHttp.Response response) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode created(JsonHttp.Response response) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
    return response.body();
  }
}
