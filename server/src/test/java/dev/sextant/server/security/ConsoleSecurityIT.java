package dev.sextant.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.SextantServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Console security on the all-in-one server with the demo project: who may call what (each role's
 * allowed and denied calls, enforced by the API), an analyst confined to their business lines, the
 * audit of user lookups, CSRF, and what happens to a session when its account changes.
 */
class ConsoleSecurityIT {

  private static final String ANALYST = "wang.p2p";
  private static final String SERVICE = "zhao.kefu";
  private static final String DEVELOPER = "li.dev";
  private static final String OWN_PASSWORD = "a-long-and-private-one";
  private static final String TEMPORARY = "first-day-password";

  @TempDir static Path dataDir;

  private static ConfigurableApplicationContext server;
  private static int port;
  private static JsonHttp admin;

  @BeforeAll
  static void start() {
    server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(
                TestAdmin.ARGUMENT,
                "--server.port=0",
                "--sextant.data-dir=" + dataDir,
                // The analyses below read the demo's January 2017.
                "--sextant.demo.first-day=2017-01-01");
    port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
    admin = TestAdmin.signedIn(port);
    create(ANALYST, "ANALYST", "[\"p2p\"]");
    create(SERVICE, "CUSTOMER_SERVICE", "[]");
    create(DEVELOPER, "PLAN_DEVELOPER", "[]");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void create(String username, String role, String lines) {
    JsonHttp.Response created =
        admin.post(
            "/api/v1/admin/users",
            """
            {"username":"%s","password":"%s","role":"%s","business_lines":%s}
            """
                .formatted(username, TEMPORARY, role, lines));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
  }

  /** Signs in with the temporary password and chooses one's own, as the console makes one do. */
  private static JsonHttp signedIn(String username) {
    JsonHttp http = JsonHttp.onLocalPort(port);
    JsonHttp.Response first = http.signIn(username, OWN_PASSWORD);
    if (first.status() == 200) {
      return http;
    }
    http.signedInAs(username, TEMPORARY);
    JsonHttp.Response changed =
        http.post(
            "/api/v1/session/password",
            """
            {"current_password":"%s","new_password":"%s"}
            """
                .formatted(TEMPORARY, OWN_PASSWORD));
    assertThat(changed.status()).as("%s", changed.body()).isEqualTo(200);
    return http;
  }

  private static final String DAU_P2P =
      """
      {"metrics":[{"events":["P2P_Invest"],"measure":"users"}],
       "from":"2017-01-01","to":"2017-01-31","granularity":"total"}
      """;

  private static final String FUNNEL_FOREX =
      """
      {"steps":[{"events":["Login"]},{"events":["forex_CopyMaster"]}],"window_seconds":86400,
       "from":"2017-01-01","to":"2017-01-31"}
      """;

  private static final String PLAN_DRY_RUN_PATH = "/api/v1/projects/demo/plan/import?dry_run=true";

  /** One call and the status each role gets. */
  record Call(
      String method, String path, String body, int admin, int analyst, int service, int developer) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static List<Call> calls() {
    return List.of(
        new Call("GET", "/api/v1/projects/demo/plan", null, 200, 200, 200, 200),
        new Call("GET", "/api/v1/projects/demo/users/user-1/events", null, 200, 403, 200, 403),
        // No such item: reaching the controller answers 404, a denial 403.
        new Call("GET", "/api/v1/projects/demo/items/product/p-1", null, 404, 404, 403, 403),
        new Call("GET", "/api/v1/projects/demo/quarantine", null, 200, 403, 403, 200),
        new Call("GET", "/api/v1/projects/demo/ingestion", null, 200, 403, 403, 200),
        new Call("POST", "/api/v1/projects/demo/analyses/events", DAU_P2P, 200, 200, 403, 403),
        new Call("GET", "/api/v1/projects/demo/segments", null, 200, 200, 403, 403),
        new Call("GET", "/api/v1/admin/users", null, 200, 403, 403, 403),
        new Call("GET", "/api/v1/admin/audit", null, 200, 403, 403, 403),
        new Call("GET", "/actuator/metrics", null, 200, 403, 403, 403));
  }

  @ParameterizedTest
  @MethodSource("calls")
  void eachRoleIsAllowedOnlyItsCalls(Call call) {
    assertThat(send(admin, call).status()).as("admin").isEqualTo(call.admin());
    assertThat(send(signedIn(ANALYST), call).status()).as("analyst").isEqualTo(call.analyst());
    assertThat(send(signedIn(SERVICE), call).status())
        .as("customer service")
        .isEqualTo(call.service());
    assertThat(send(signedIn(DEVELOPER), call).status())
        .as("plan developer")
        .isEqualTo(call.developer());
  }

  private static JsonHttp.Response send(JsonHttp http, Call call) {
    return call.method().equals("GET")
        ? http.get(call.path())
        : http.post(call.path(), call.body());
  }

  @Test
  void aDenialIsProblemJsonThatSaysWhy() {
    JsonHttp.Response denied = signedIn(SERVICE).get("/api/v1/admin/users");

    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.contentType()).startsWith("application/problem+json");
    assertThat(denied.body().get("type").asString()).endsWith("/forbidden");
  }

  @Test
  void onlyPlanDevelopersAndAdminsChangeThePlan() {
    String yaml = admin.getText("/api/v1/projects/demo/plan/export");

    assertThat(importDryRun(signedIn(DEVELOPER), yaml)).isEqualTo(200);
    assertThat(importDryRun(signedIn(ANALYST), yaml)).isEqualTo(403);
    assertThat(importDryRun(signedIn(SERVICE), yaml)).isEqualTo(403);
  }

  private static int importDryRun(JsonHttp http, String yaml) {
    return http.postText(PLAN_DRY_RUN_PATH, "application/yaml", yaml);
  }

  @Test
  void anAnalystReadsOnlyTheirBusinessLinesAndTheSharedOnes() {
    JsonHttp analyst = signedIn(ANALYST);

    JsonHttp.Response forex = analyst.post("/api/v1/projects/demo/analyses/funnels", FUNNEL_FOREX);
    assertThat(forex.status()).isEqualTo(403);
    assertThat(forex.body().get("type").asString()).endsWith("/out-of-scope");
    assertThat(forex.body().get("events").get(0).asString()).isEqualTo("forex_CopyMaster");
    assertThat(admin.post("/api/v1/projects/demo/analyses/funnels", FUNNEL_FOREX).status())
        .isEqualTo(200);

    // "Any event" becomes every event the analyst may read: the SQL shows the confined list.
    JsonHttp.Response sql =
        analyst.post(
            "/api/v1/projects/demo/analyses/events/sql",
            """
            {"metrics":[{"measure":"users"}],"from":"2017-01-01","to":"2017-01-31",
             "granularity":"total"}
            """);
    assertThat(sql.status()).as("%s", sql.body()).isEqualTo(200);
    String statement = sql.body().get("statements").get(0).asString();
    assertThat(statement).contains("'P2P_Invest'", "'Login'").doesNotContain("forex_");
  }

  @Test
  void recordsEveryUserLookupInTheAuditLogIncludingDeniedOnes() {
    String looked = "audit-target-" + System.nanoTime();
    assertThat(signedIn(SERVICE).get("/api/v1/projects/demo/users/" + looked + "/events").status())
        .isEqualTo(200);
    assertThat(signedIn(ANALYST).get("/api/v1/projects/demo/users/" + looked + "/events").status())
        .isEqualTo(403);

    JsonNode entries =
        admin.get("/api/v1/admin/audit?action=USER_SEQUENCE_VIEWED&subject=" + looked).body();

    assertThat(
            entries
                .get("entries")
                .valueStream()
                .map(e -> e.get("actor").asString() + ":" + e.get("outcome").asInt()))
        .containsExactly(ANALYST + ":403", SERVICE + ":200");
    assertThat(entries.get("entries").get(0).get("project").asString()).isEqualTo("demo");
  }

  @Test
  void refusesAnUnsafeCallWithoutTheCsrfToken() {
    JsonHttp.Response forged =
        admin.postWithoutCsrfToken("/api/v1/projects/demo/analyses/events", DAU_P2P);

    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body().get("type").asString()).endsWith("/csrf-token-missing");
  }

  @Test
  void answersAnonymousCallsWith401ButKeepsTheCollectorAndProbesOpen() {
    JsonHttp anonymous = JsonHttp.onLocalPort(port);

    JsonHttp.Response plan = anonymous.get("/api/v1/projects/demo/plan");
    assertThat(plan.status()).isEqualTo(401);
    assertThat(plan.body().get("type").asString()).endsWith("/unauthenticated");
    assertThat(anonymous.get("/api/v1/session").body().get("authenticated").asBoolean()).isFalse();
    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    JsonHttp.Response event =
        anonymous.post(
            "/api/v1/events?project=demo",
            """
            [{"type":"track","event":"$pageview","distinct_id":"anon-1","time":1485878399123,
              "properties":{"$url":"https://example.com/"}}]
            """);
    assertThat(event.status()).isEqualTo(200);
  }

  @Test
  void aUserMustChangeATemporaryPasswordBeforeAnythingElse() {
    create("new.person", "CUSTOMER_SERVICE", "[]");
    JsonHttp http = JsonHttp.onLocalPort(port).signedInAs("new.person", TEMPORARY);

    JsonHttp.Response blocked = http.get("/api/v1/projects/demo/users/x/events");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.body().get("type").asString()).endsWith("/password-change-required");
    JsonHttp.Response weak =
        http.post(
            "/api/v1/session/password",
            """
            {"current_password":"%s","new_password":"short"}
            """
                .formatted(TEMPORARY));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body().get("errors").get(0).get("path").asString()).isEqualTo("password");
    assertThat(
            http.post(
                    "/api/v1/session/password",
                    """
                    {"current_password":"%s","new_password":"%s"}
                    """
                        .formatted(TEMPORARY, OWN_PASSWORD))
                .status())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/projects/demo/users/x/events").status()).isEqualTo(200);
  }

  @Test
  void endsTheSessionsOfADisabledUserAtOnce() {
    create("leaving.soon", "CUSTOMER_SERVICE", "[]");
    JsonHttp http = signedIn("leaving.soon");
    assertThat(http.get("/api/v1/projects/demo/plan").status()).isEqualTo(200);

    assertThat(admin.put("/api/v1/admin/users/leaving.soon", "{\"enabled\":false}").status())
        .isEqualTo(200);

    JsonHttp.Response after = http.get("/api/v1/projects/demo/plan");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.body().get("type").asString()).endsWith("/session-ended");
    assertThat(JsonHttp.onLocalPort(port).signIn("leaving.soon", OWN_PASSWORD).status())
        .isEqualTo(401);
  }

  @Test
  void throttlesPasswordGuessingPerUsername() {
    create("guessed.at", "CUSTOMER_SERVICE", "[]");
    JsonHttp guesser = JsonHttp.onLocalPort(port);
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.signIn("guessed.at", "wrong-guess-number-" + i).status()).isEqualTo(401);
    }

    JsonHttp.Response throttled = guesser.signIn("guessed.at", TEMPORARY);

    assertThat(throttled.status()).as("even the right password waits").isEqualTo(429);
    assertThat(throttled.body().get("type").asString()).endsWith("/sign-in-throttled");
    JsonNode failures =
        admin.get("/api/v1/admin/audit?action=SIGN_IN_FAILED&actor=guessed.at").body();
    assertThat(failures.get("entries")).hasSize(5);
  }
}
