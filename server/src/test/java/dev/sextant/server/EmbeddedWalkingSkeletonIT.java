package dev.sextant.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default, end to end: one process on DuckDB and H2 under a data directory. An event
 * posted to the collector is validated against the demo project's plan, stored, and read back by
 * the query API, also after a restart; an invalid one is quarantined with a visible reason.
 */
class EmbeddedWalkingSkeletonIT {

  private static final String INVEST =
      """
      {"type":"track","event":"P2P_Invest","distinct_id":"user-42","time":1485878399123,
       "properties":{"product_id":"稳盈-90天","amount":10000.50,"term_days":90,"result":"success",
                     "$os":"iOS"}}
      """;

  private static final String INVEST_WITH_TEXT_AMOUNT =
      """
      {"type":"track","event":"P2P_Invest","distinct_id":"user-42","time":1485878400000,
       "properties":{"product_id":"稳盈-90天","amount":"lots","result":"success"}}
      """;

  @TempDir Path dataDir;

  @Test
  void storesAnAcceptedEventDurablyAndQuarantinesAnInvalidOne() {
    String insertId;
    try (ConfigurableApplicationContext server = start()) {
      JsonHttp http = TestAdmin.signedIn(port(server));

      // Investments come from the back end: they are taken only with the project's secret key.
      String backEnd = TestAdmin.newKey(http, "demo", "secret");
      JsonHttp.Response posted =
          http.postWithKey(
              "/api/v1/events?project=demo",
              backEnd,
              "[" + INVEST + "," + INVEST_WITH_TEXT_AMOUNT + "]");

      assertThat(posted.status()).isEqualTo(200);
      assertThat(posted.body().get("accepted").asInt()).isEqualTo(1);
      assertThat(posted.body().get("quarantined").asInt()).isEqualTo(1);
      JsonNode results = posted.body().get("results");
      assertThat(results.get(0).get("status").asString()).isEqualTo("accepted");
      assertThat(results.get(1).get("status").asString()).isEqualTo("quarantined");
      assertThat(results.get(1).get("reasons").get(0).get("code").asString())
          .isEqualTo("TYPE_MISMATCH");
      insertId = results.get(0).get("insert_id").asString();

      // The demo's own bad records (a faulty app release) are there too; this one is ours.
      String quarantineId = results.get(1).get("quarantine_id").asString();
      JsonNode quarantine = http.get("/api/v1/projects/demo/quarantine?limit=1000").body();
      List<JsonNode> ours =
          quarantine
              .get("records")
              .valueStream()
              .filter(r -> r.get("quarantine_id").asString().equals(quarantineId))
              .toList();
      assertThat(ours).hasSize(1);
      assertThat(ours.getFirst().get("reasons").get(0).get("path").asString())
          .isEqualTo("properties.amount");
    }

    try (ConfigurableApplicationContext restarted = start()) {
      JsonHttp http = TestAdmin.signedIn(port(restarted));
      JsonNode sequence = http.get("/api/v1/projects/demo/users/user-42/events").body();

      assertThat(sequence.get("events")).hasSize(1);
      JsonNode event = sequence.get("events").get(0);
      assertThat(event.get("event").asString()).isEqualTo("P2P_Invest");
      assertThat(event.get("display_name").asString()).isEqualTo("P2P 投资");
      assertThat(event.get("insert_id").asString()).isEqualTo(insertId);
      assertThat(event.get("time").asString()).isEqualTo("2017-01-31T15:59:59.123Z");
      assertThat(event.get("properties").get("product_id").asString()).isEqualTo("稳盈-90天");
      assertThat(event.get("properties").get("amount").decimalValue())
          .isEqualByComparingTo("10000.50");
      assertThat(event.get("properties").get("$os").asString()).isEqualTo("iOS");
    }
  }

  @Test
  void countsTheEventsSentBeforeASignupForTheLoginId() {
    try (ConfigurableApplicationContext server = start()) {
      JsonHttp http = TestAdmin.signedIn(port(server));
      String visit =
          """
          {"type":"track","event":"P2P_Invest","distinct_id":"anon-7","time":1485878300000,
           "properties":{"product_id":"稳盈-90天","amount":100,"term_days":90,"result":"success"}}
          """;
      String signup =
          """
          {"type":"track_signup","event":"$SignUp","distinct_id":"user-7","original_id":"anon-7",
           "time":1485878399000}
          """;
      String unlinked =
          """
          {"type":"track_signup","event":"$SignUp","distinct_id":"user-8","time":1485878399000}
          """;

      JsonHttp.Response posted =
          http.postWithKey(
              "/api/v1/events?project=demo",
              TestAdmin.newKey(http, "demo", "secret"),
              "[" + visit + "," + signup + "," + unlinked + "]");

      assertThat(posted.body().get("results").valueStream().map(r -> r.get("status").asString()))
          .as(posted.body().toString())
          .containsExactly("accepted", "accepted", "quarantined");
      JsonNode reasons = posted.body().get("results").get(2).get("reasons");
      assertThat(reasons.get(0).get("path").asString()).isEqualTo("original_id");
      for (String id : new String[] {"user-7", "anon-7"}) {
        JsonNode sequence = http.get("/api/v1/projects/demo/users/" + id + "/events").body();
        assertThat(sequence.get("user_id").asString()).isEqualTo("user-7");
        JsonNode events = sequence.get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("event").asString()).isEqualTo("$SignUp");
        assertThat(events.get(0).get("distinct_id").asString()).isEqualTo("user-7");
        assertThat(events.get(1).get("event").asString()).isEqualTo("P2P_Invest");
        assertThat(events.get(1).get("distinct_id").asString()).isEqualTo("anon-7");
      }
    }
  }

  @Test
  void linksTheAnonymousIdentityOfAnIdMappingBindAsASignupDoes() {
    try (ConfigurableApplicationContext server = start()) {
      JsonHttp http = TestAdmin.signedIn(port(server));
      // A web page of a newer SDK: it names the browser only in identities, then binds the login.
      String browsing =
          """
          {"type":"track","event":"$pageview","time":1485878300000,
           "identities":{"$identity_cookie_id":"cookie-31"},
           "properties":{"$url":"https://example.cn/p2p","$lib":"js"}}
          """;
      String bind =
          """
          {"type":"track_id_bind","event":"$BindID","distinct_id":"user-31","time":1485878399000,
           "identities":{"$identity_login_id":"user-31","$identity_cookie_id":"cookie-31"},
           "_track_id":31}
          """;

      JsonHttp.Response posted =
          http.post("/api/v1/events?project=demo", "[" + browsing + "," + bind + "]");

      assertThat(posted.body().get("accepted").asInt()).as(posted.body().toString()).isEqualTo(2);
      JsonNode sequence = http.get("/api/v1/projects/demo/users/cookie-31/events").body();
      assertThat(sequence.get("user_id").asString()).isEqualTo("user-31");
      assertThat(sequence.get("events").valueStream().map(e -> e.get("event").asString()))
          .containsExactly("$BindID", "$pageview");
    }
  }

  @Test
  void servesTheConsoleAndAnswersBadRequestsWithProblemJson() {
    try (ConfigurableApplicationContext server = start()) {
      JsonHttp http = TestAdmin.signedIn(port(server));

      assertThat(http.getText("/")).contains("Sextant");
      JsonHttp.Response badLimit = http.get("/api/v1/projects/demo/users/u/events?limit=0");
      assertThat(badLimit.status()).isEqualTo(400);
      assertThat(badLimit.contentType()).startsWith("application/problem+json");
      assertThat(badLimit.body().get("type").asString())
          .isEqualTo("https://sextant.dev/problems/invalid-query");
      assertThat(http.get("/api/v1/projects/nobody/plan").status()).isEqualTo(404);
      assertThat(http.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
    }
  }

  @Test
  void answersAnEventAnalysisOfWhatWasPostedAndExplainsItsSql() {
    try (ConfigurableApplicationContext server = start()) {
      JsonHttp http = TestAdmin.signedIn(port(server));
      String invest =
          """
          {"type":"track","event":"P2P_Invest","distinct_id":"%s","time":%d,
           "properties":{"product_id":"sextant-it","amount":%s,"term_days":90,"result":"success"}}
          """;
      // 2017-01-31 10:00 and 23:30 in Shanghai, and 2017-02-01 00:10 (the next local day).
      String batch =
          "["
              + invest.formatted("it-a", 1485828000000L, "100.25")
              + ","
              + invest.formatted("it-b", 1485876600000L, "50")
              + ","
              + invest.formatted("it-a", 1485879000000L, "10")
              + "]";
      String backEnd = TestAdmin.newKey(http, "demo", "secret");
      assertThat(
              http.postWithKey("/api/v1/events?project=demo", backEnd, batch)
                  .body()
                  .get("accepted")
                  .asInt())
          .isEqualTo(3);

      String request =
          """
          {"metrics": [{"events": ["P2P_Invest"], "measure": "events"},
                       {"events": ["P2P_Invest"], "measure": "users"},
                       {"events": ["P2P_Invest"], "measure": {"sum": "amount"}}],
           "filter": {"property": "product_id", "op": "eq", "values": ["sextant-it"]},
           "from": "2017-01-31", "to": "2017-02-01", "granularity": "day"}
          """;
      JsonHttp.Response answer = http.post("/api/v1/projects/demo/analyses/events", request);

      assertThat(answer.status()).isEqualTo(200);
      JsonNode series = answer.body().get("current");
      assertThat(series).hasSize(3);
      assertThat(values(series.get(0))).containsExactly("2", "1");
      assertThat(values(series.get(1))).containsExactly("2", "1");
      assertThat(values(series.get(2))).containsExactly("150.25", "10");
      assertThat(series.get(0).get("points").get(0).get("bucket").asString())
          .isEqualTo("2017-01-30T16:00:00Z");

      JsonNode sql = http.post("/api/v1/projects/demo/analyses/events/sql", request).body();
      assertThat(sql.get("statements").get(0).asString())
          .contains("FROM events_demo")
          .contains("'sextant-it'");

      JsonHttp.Response unknown =
          http.post(
              "/api/v1/projects/demo/analyses/events",
              request.replace("\"product_id\"", "\"no_such_property\""));
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.contentType()).startsWith("application/problem+json");
      assertThat(unknown.body().get("detail").asString()).contains("no_such_property");
    }
  }

  private static List<String> values(JsonNode series) {
    List<String> values = new ArrayList<>();
    series
        .get("points")
        .forEach(point -> values.add(point.get("value").decimalValue().toPlainString()));
    return values;
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(SextantServer.class)
        .run(
            TestAdmin.ARGUMENT,
            "--server.port=0",
            "--sextant.data-dir=" + dataDir,
            // A small demo load; its ids (demo-u-…, demo-anon-…) cannot be user-42.
            "--sextant.demo.users=20",
            // Its records carry fixed times, years old: the collector must take them.
            "--sextant.collector.event-time.max-past=36500d");
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }
}
