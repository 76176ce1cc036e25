package dev.sextant.server.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.TestServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The data-quality loop on the all-in-one server: an app sends an event the plan does not know; it
 * is quarantined; a developer adds it to the plan; the quarantined record is replayed into the
 * store, once, and its replay is shown with it. Back-end events may be replayed only as vouched for
 * by an admin.
 */
class QuarantineReplayIT {

  private static final String PLAN_WITHOUT_SHARE =
      """
      {"project":"shop","version":%d,
       "events":[{"name":"ViewItem","display_name":"浏览商品","properties":[{"name":"item","required":true}]},
                 {"name":"Pay","display_name":"支付","collected_by":"BACK_END",
                  "properties":[{"name":"item","required":true}]}%s],
       "properties":[{"name":"item","display_name":"商品","type":"STRING"}]}
      """;

  private static final String SHARE =
      ",{\"name\":\"ShareItem\",\"display_name\":\"分享商品\",\"properties\":[{\"name\":\"item\"}]}";

  @TempDir static Path dataDir;

  private static TestServer server;
  private static JsonHttp admin;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, "--sextant.demo.enabled=false");
    admin = server.admin();
    assertThat(
            admin.put("/api/v1/projects/shop/plan", PLAN_WITHOUT_SHARE.formatted(0, "")).status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String quarantined(String record) {
    JsonHttp.Response sent = admin.post("/api/v1/events?project=shop", "[" + record + "]");
    JsonNode result = sent.body().get("results").get(0);
    assertThat(result.get("status").asString()).as("%s", sent.body()).isEqualTo("quarantined");
    return result.get("quarantine_id").asString();
  }

  private static JsonHttp.Response replay(String body) {
    JsonHttp.Response answer = admin.post("/api/v1/projects/shop/quarantine/replay", body);
    if (!body.contains("\"ids\":[]")) {
      assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    }
    return answer;
  }

  @Test
  void replaysARecordOnceAfterThePlanIsFixed() {
    long now = System.currentTimeMillis();
    String share =
        quarantined(
            """
            {"type":"track","event":"ShareItem","distinct_id":"buyer-1","time":%d,"_track_id":77,
             "properties":{"item":"稳盈-90天"}}
            """
                .formatted(now));
    String garbage =
        quarantined(
            """
            {"type":"track","event":"ViewItem","distinct_id":"buyer-1","time":%d,"properties":{}}
            """
                .formatted(now));

    JsonNode tooEarly = replay("{\"ids\":[\"" + share + "\"]}").body();
    assertThat(tooEarly.get("results").get(0).get("status").asString()).isEqualTo("still_invalid");
    assertThat(tooEarly.get("results").get(0).get("reasons").get(0).get("code").asString())
        .isEqualTo("UNKNOWN_EVENT");

    long version = admin.get("/api/v1/projects/shop/plan").body().get("version").asLong();
    assertThat(
            admin
                .put("/api/v1/projects/shop/plan", PLAN_WITHOUT_SHARE.formatted(version, SHARE))
                .status())
        .isEqualTo(200);

    JsonNode dryRun =
        replay("{\"ids\":[\"" + share + "\",\"" + garbage + "\",\"nope\"],\"dry_run\":true}")
            .body();
    assertThat(dryRun.get("counts").get("would_replay").asInt()).isEqualTo(1);
    assertThat(dryRun.get("counts").get("still_invalid").asInt()).isEqualTo(1);
    assertThat(dryRun.get("counts").get("not_found").asInt()).isEqualTo(1);
    assertThat(events("buyer-1")).isZero();

    JsonHttp.Response replayed = replay("{\"ids\":[\"" + share + "\",\"" + garbage + "\"]}");
    JsonHttp.Response again = replay("{\"ids\":[\"" + share + "\"]}");

    assertThat(replayed.status()).isEqualTo(200);
    JsonNode first = replayed.body().get("results").get(0);
    assertThat(first.get("status").asString()).isEqualTo("replayed");
    assertThat(replayed.body().get("results").get(1).get("status").asString())
        .isEqualTo("still_invalid");
    assertThat(again.body().get("results").get(0).get("status").asString())
        .isEqualTo("already_replayed");
    assertThat(again.body().get("results").get(0).get("insert_id").asString())
        .isEqualTo(first.get("insert_id").asString());
    assertThat(events("buyer-1")).isEqualTo(1);
    JsonNode listing = admin.get("/api/v1/projects/shop/quarantine").body();
    assertThat(listing.get("replay_available").asBoolean()).isTrue();
    JsonNode entry =
        listing
            .get("records")
            .valueStream()
            .filter(r -> r.get("quarantine_id").asString().equals(share))
            .findFirst()
            .orElseThrow();
    assertThat(entry.get("replay").get("insert_id").asString())
        .isEqualTo(first.get("insert_id").asString());
    assertThat(entry.get("replay").get("replayed_by").asString()).isEqualTo(TestAdmin.USERNAME);
    assertThat(admin.get("/api/v1/admin/audit?action=QUARANTINE_REPLAYED").body().toString())
        .contains("shop");
  }

  @Test
  void aBackEndEventIsReplayedOnlyAsVouchedForByAnAdmin() {
    String pay =
        quarantined(
            """
            {"type":"track","event":"Pay","distinct_id":"buyer-2","time":%d,"properties":{"item":"x"}}
            """
                .formatted(System.currentTimeMillis()));

    JsonNode asFrontEnd = replay("{\"ids\":[\"" + pay + "\"]}").body();
    JsonNode asBackEnd = replay("{\"ids\":[\"" + pay + "\"],\"as_back_end\":true}").body();

    assertThat(asFrontEnd.get("results").get(0).get("reasons").get(0).get("code").asString())
        .isEqualTo("UNAUTHORISED_SOURCE");
    assertThat(asBackEnd.get("results").get(0).get("status").asString()).isEqualTo("replayed");
    assertThat(events("buyer-2")).isEqualTo(1);
  }

  @Test
  void refusesABadRequestWithProblemJson() {
    JsonHttp.Response empty = replay("{\"ids\":[]}");

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.contentType()).startsWith("application/problem+json");
  }

  private static int events(String user) {
    return admin.get("/api/v1/projects/shop/users/" + user + "/events").body().get("events").size();
  }
}
