package dev.sextant.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.registry.app.SchemaRegistryApplication;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registry's HTTP API, end to end over HTTP, on an in-memory H2 database. */
class RegistryApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final CookieManager COOKIES = new CookieManager();
  private static final HttpClient HTTP = HttpClient.newBuilder().cookieHandler(COOKIES).build();
  private static final String DEVELOPER = "li.lei";
  private static final String DEVELOPER_PASSWORD = "li-lei-chose-this-one";

  private static ConfigurableApplicationContext registry;
  private static String base;

  private static final String PLAN =
      """
      {"project":"%s","version":%d,
       "business_lines":[{"name":"p2p","event_prefix":"P2P_","owner":"P2P team"}],
       "events":[{"name":"P2P_Invest","display_name":"投资","business_line":"p2p",
                  "properties":[{"name":"amount","required":true},{"name":"result"}]}%s],
       "properties":[{"name":"amount","type":"NUMBER","min":0},
                     {"name":"result","type":"STRING",
                      "values":[{"value":"success","label":"成功"},{"value":"fail","label":"失败"}]}]}
      """;

  @BeforeAll
  static void start() {
    registry =
        SchemaRegistryApplication.application()
            .run(
                TestAdmin.ARGUMENT,
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    int port = Integer.parseInt(registry.getEnvironment().getRequiredProperty("local.server.port"));
    base = "http://localhost:" + port;
    signInAsPlanDeveloper(port);
  }

  /**
   * The plan is edited by a tracking-plan developer whom the admin created: they sign in with the
   * temporary password and choose their own, as in the console.
   */
  private static void signInAsPlanDeveloper(int port) {
    JsonHttp.Response created =
        TestAdmin.signedIn(port)
            .post(
                "/api/v1/admin/users",
                """
                {"username":"%s","password":"temporary-password-1","role":"PLAN_DEVELOPER"}
                """
                    .formatted(DEVELOPER));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    get("/api/v1/session");
    Answer signedIn =
        send(
            "POST",
            "/api/v1/session",
            "application/x-www-form-urlencoded",
            "username=" + DEVELOPER + "&password=temporary-password-1");
    assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
    assertThat(signedIn.json().get("must_change_password").asBoolean()).isTrue();
    Answer changed =
        send(
            "POST",
            "/api/v1/session/password",
            "application/json",
            """
            {"current_password":"temporary-password-1","new_password":"%s"}
            """
                .formatted(DEVELOPER_PASSWORD));
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static String plan(String project, long version, String moreEvents) {
    return PLAN.formatted(project, version, moreEvents);
  }

  private record Answer(int status, String contentType, String text) {
    JsonNode json() {
      return JSON.readTree(text);
    }
  }

  private static Answer send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            // Ignored: the signed-in user is the author (a header could name anyone).
            .header("X-Sextant-Author", "someone.else");
    COOKIES.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .findFirst()
        .ifPresent(cookie -> request.header("X-XSRF-TOKEN", cookie.getValue()));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Answer get(String path) {
    return send("GET", path, null, null);
  }

  @Test
  void savesVersionsWithAuthorAndChangesAndListsThem() {
    Answer created = send("PUT", "/api/v1/projects/a/plan", "application/json", plan("a", 0, ""));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("version").asLong()).isEqualTo(1);

    Answer changed =
        send(
            "PUT",
            "/api/v1/projects/a/plan",
            "application/json",
            plan("a", 1, ",{\"name\":\"P2P_Withdraw\",\"business_line\":\"p2p\"}"));
    assertThat(changed.json().get("changes").get(0).get("path").asString())
        .isEqualTo("events.P2P_Withdraw");

    JsonNode history = get("/api/v1/projects/a/plan/versions").json().get("versions");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("version").asLong()).isEqualTo(2);
    assertThat(history.get(0).get("author").asString()).isEqualTo("li.lei");
    assertThat(history.get(0).get("saved_at").asString()).isNotBlank();
    assertThat(get("/api/v1/projects/a/plan/versions/1").json().get("events")).hasSize(1);
    assertThat(get("/api/v1/projects/a/plan/versions/9").status()).isEqualTo(404);
  }

  @Test
  void answersEveryBrokenRuleInOneProblemWithFieldPaths() {
    String broken =
        """
        {"version":0,
         "business_lines":[{"name":"p2p","event_prefix":"P2P_"}],
         "events":[{"name":"Invest","business_line":"p2p","properties":[{"name":"coupon"}]}],
         "properties":[{"name":"$os","type":"STRING"}]}
        """;

    Answer answer = send("PUT", "/api/v1/projects/b/plan", "application/json", broken);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.get("type").asString())
        .isEqualTo("https://sextant.dev/problems/invalid-tracking-plan");
    List<String> paths = new ArrayList<>();
    problem
        .get("errors")
        .forEach(e -> paths.add(e.get("path").asString() + " " + e.get("code").asString()));
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "events[0].name EVENT_PREFIX_MISMATCH",
            "events[0].properties[0].name UNDEFINED_PROPERTY",
            "properties[0].name SYSTEM_NAME");
  }

  @Test
  void answersAConflictForAStaleVersionAndAnUnreadableDocumentWithItsPath() {
    send("PUT", "/api/v1/projects/c/plan", "application/json", plan("c", 0, ""));

    Answer stale = send("PUT", "/api/v1/projects/c/plan", "application/json", plan("c", 0, ""));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("type").asString()).endsWith("/plan-version-conflict");

    Answer typo =
        send(
            "PUT",
            "/api/v1/projects/c/plan",
            "application/json",
            "{\"version\":1,\"events\":[{\"name\":\"X\",\"staus\":\"DRAFT\"}]}");
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().get("errors").get(0).get("path").asString())
        .isEqualTo("events[0].staus");

    Answer elsewhere = send("PUT", "/api/v1/projects/c/plan", "application/json", plan("d", 1, ""));
    assertThat(elsewhere.json().get("errors").get(0).get("code").asString())
        .isEqualTo("PROJECT_MISMATCH");
  }

  @Test
  void exportsYamlThatImportsBackWithoutChangesAndPreviewsAnImport() {
    send("PUT", "/api/v1/projects/e/plan", "application/json", plan("e", 0, ""));

    Answer exported = get("/api/v1/projects/e/plan/export");
    assertThat(exported.status()).isEqualTo(200);
    assertThat(exported.contentType()).startsWith("application/yaml");
    assertThat(exported.text()).contains("event_prefix: P2P_").contains("display_name: 投资");

    Answer same =
        send("POST", "/api/v1/projects/e/plan/import", "application/yaml", exported.text());
    assertThat(same.json().get("saved").asBoolean()).isFalse();
    assertThat(same.json().get("changes")).isEmpty();

    String withNewValue =
        exported
            .text()
            .replace("        label: 失败\n", "        label: 失败\n      - value: pending\n");
    Answer preview =
        send(
            "POST",
            "/api/v1/projects/e/plan/import?dry_run=true",
            "application/yaml",
            withNewValue);
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.json().get("dry_run").asBoolean()).isTrue();
    assertThat(preview.json().get("changes").get(0).get("path").asString())
        .isEqualTo("properties.result.values.pending");
    assertThat(get("/api/v1/projects/e/plan").json().get("version").asLong()).isEqualTo(1);
  }

  @Test
  void validatesASampleEvent() {
    send("PUT", "/api/v1/projects/f/plan", "application/json", plan("f", 0, ""));

    Answer verdict =
        send(
            "POST",
            "/api/v1/projects/f/plan/validate",
            "application/json",
            """
            {"event":"P2P_Invest","properties":{"amount":-5,"result":"ok","$os":"iOS"}}
            """);

    assertThat(verdict.status()).isEqualTo(200);
    assertThat(verdict.json().get("conforms").asBoolean()).isFalse();
    List<String> codes = new ArrayList<>();
    verdict.json().get("reasons").forEach(r -> codes.add(r.get("code").asString()));
    assertThat(codes).containsExactlyInAnyOrder("OUT_OF_RANGE", "NOT_IN_ENUM");
    assertThat(
            send(
                    "POST",
                    "/api/v1/projects/f/plan/validate",
                    "application/json",
                    "{\"event\":\"P2P_Invest\",\"properties\":{\"amount\":5}}")
                .json()
                .get("conforms")
                .asBoolean())
        .isTrue();
  }

  @Test
  void servesAnOpenApiDocumentWithEveryRegistryEndpointInSnakeCase() {
    Answer answer = get("/v3/api-docs");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode paths = answer.json().get("paths");

    for (Class<?> controller :
        List.of(
            TrackingPlanController.class,
            PlanHistoryController.class,
            SampleEventController.class)) {
      String root = controller.getAnnotation(RequestMapping.class).value()[0];
      for (var method : controller.getDeclaredMethods()) {
        for (String path : mappedPaths(method)) {
          String full = (root + path).replace("{project}", "{project}");
          assertThat(paths.has(full)).as("OpenAPI documents %s", full).isTrue();
        }
      }
    }
    JsonNode schemas = answer.json().get("components").get("schemas");
    assertThat(schemas.get("TrackingPlan").get("properties").has("business_lines")).isTrue();
    assertThat(schemas.get("PropertyDefinition").get("properties").has("max_length")).isTrue();
  }

  private static List<String> mappedPaths(java.lang.reflect.Method method) {
    if (method.isAnnotationPresent(GetMapping.class)) {
      return paths(method.getAnnotation(GetMapping.class).value());
    }
    if (method.isAnnotationPresent(PutMapping.class)) {
      return paths(method.getAnnotation(PutMapping.class).path());
    }
    if (method.isAnnotationPresent(PostMapping.class)) {
      PostMapping post = method.getAnnotation(PostMapping.class);
      return paths(post.path().length > 0 ? post.path() : post.value());
    }
    return List.of();
  }

  private static List<String> paths(String[] declared) {
    return declared.length == 0 ? List.of("") : List.of(declared);
  }
}
