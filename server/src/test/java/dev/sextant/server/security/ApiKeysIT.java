package dev.sextant.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.TestServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Project API keys on the all-in-one server: issued, listed, rotated and revoked by an admin
 * (audited), presented by senders in the header or the Sensors URL's {@code token}; back-end-only
 * events taken only with the secret key; and personal values masked, hashed or removed before
 * anything is stored.
 */
class ApiKeysIT {

  /** The events of a small bank app: deposits come from its back end only. */
  private static final String PLAN =
      """
      {"project":"bank","version":0,
       "events":[{"name":"Deposit","display_name":"充值","collected_by":"BACK_END",
                  "properties":[{"name":"amount","required":true}]},
                 {"name":"ViewHome","display_name":"浏览首页",
                  "properties":[{"name":"phone","required":false},{"name":"holder","required":false}]}],
       "properties":[{"name":"amount","display_name":"金额","type":"NUMBER"},
                     {"name":"phone","display_name":"手机号","type":"STRING","pii":"HASH"},
                     {"name":"holder","display_name":"户名","type":"STRING","pii":"MASK"},
                     {"name":"id_photo","display_name":"证件照","type":"STRING","pii":"FORBIDDEN"}]}
      """;

  private static final String DEPOSIT =
      """
      [{"type":"track","event":"Deposit","distinct_id":"u1","time":%d,"properties":{"amount":100}}]
      """;

  @TempDir static Path dataDir;

  private static TestServer server;
  private static int port;
  private static JsonHttp admin;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            dataDir,
            "--sextant.demo.enabled=false",
            // Revocation is seen at once here; in production within the cache's TTL (10 s).
            "--sextant.collector.api-keys.cache-ttl=0s",
            "--sextant.collector.api-keys.required-projects=locked");
    port = server.port();
    admin = server.admin();
    assertThat(admin.put("/api/v1/projects/bank/plan", PLAN).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String deposit() {
    return DEPOSIT.formatted(System.currentTimeMillis());
  }

  private static JsonHttp sender() {
    return JsonHttp.onLocalPort(port);
  }

  @Test
  void anIssuedKeyIsShownOnceAndListedOnlyByItsHint() {
    JsonHttp.Response created =
        admin.post("/api/v1/projects/bank/keys", "{\"kind\":\"secret\",\"name\":\"payments\"}");

    assertThat(created.status()).isEqualTo(201);
    String key = created.body().get("key").asString();
    assertThat(key).startsWith("sx_sec_");
    assertThat(created.body().get("status").asString()).isEqualTo("active");
    assertThat(created.body().get("created_by").asString()).isEqualTo(TestAdmin.USERNAME);
    JsonNode listed = admin.get("/api/v1/projects/bank/keys").body();
    JsonNode mine =
        listed
            .valueStream()
            .filter(k -> k.get("id").asString().equals(created.body().get("id").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(mine.has("key")).isFalse();
    assertThat(mine.get("hint").asString()).isEqualTo(key.substring(0, 11));
    assertThat(listed.toString()).doesNotContain(key);
    assertThat(admin.get("/api/v1/admin/audit?action=API_KEY_CREATED").body().toString())
        .contains("bank");
  }

  @Test
  void takesADepositOnlyFromTheBackEndsSecretKey() {
    String secret = TestAdmin.newKey(admin, "bank", "secret");
    String publicKey = TestAdmin.newKey(admin, "bank", "public");

    JsonHttp.Response fromBackEnd =
        sender().postWithKey("/api/v1/events?project=bank", secret, deposit());
    JsonHttp.Response fromApp =
        sender().postWithKey("/api/v1/events?project=bank", publicKey, deposit());
    JsonHttp.Response withoutKey = sender().post("/api/v1/events?project=bank", deposit());

    assertThat(fromBackEnd.body().get("accepted").asInt()).as("%s", fromBackEnd).isEqualTo(1);
    for (JsonHttp.Response front : new JsonHttp.Response[] {fromApp, withoutKey}) {
      assertThat(front.status()).isEqualTo(200);
      JsonNode result = front.body().get("results").get(0);
      assertThat(result.get("status").asString()).isEqualTo("quarantined");
      assertThat(result.get("reasons").get(0).get("code").asString())
          .isEqualTo("UNAUTHORISED_SOURCE");
    }
  }

  @Test
  void aSensorsSdkPresentsItsKeyInTheServerUrlsToken() throws Exception {
    String secret = TestAdmin.newKey(admin, "bank", "secret");
    String base64 = Base64.getEncoder().encodeToString(deposit().getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> answer =
        postForm("/sa?project=bank&token=" + secret, "gzip=0&data_list=" + encode(base64));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"accepted\":1");
  }

  @Test
  void refusesAnUnknownKeyWith401AndKeepsNothing() throws Exception {
    JsonHttp.Response refused =
        sender().postWithKey("/api/v1/events?project=bank", "sx_sec_made-up", deposit());

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().get("type").asString()).endsWith("/invalid-api-key");
    assertThat(refused.body().get("reason").asString()).isEqualTo("unknown");
    HttpResponse<String> beacon =
        get("/sa.gif?project=bank&token=sx_pub_made-up&data=" + encode("e30="));
    assertThat(beacon.statusCode()).isEqualTo(401);
  }

  @Test
  void aKeyOfAnotherProjectIsRefused() {
    String other = TestAdmin.newKey(admin, "elsewhere", "secret");

    JsonHttp.Response refused =
        sender().postWithKey("/api/v1/events?project=bank", other, deposit());

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body().get("reason").asString()).isEqualTo("other_project");
  }

  @Test
  void aProjectThatRequiresKeysRefusesRequestsWithoutOne() {
    JsonHttp.Response refused = sender().post("/api/v1/events?project=locked", deposit());

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body().get("type").asString()).endsWith("/api-key-required");
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() {
    JsonHttp.Response created =
        admin.post("/api/v1/projects/bank/keys", "{\"kind\":\"secret\",\"name\":\"leaked\"}");
    String key = created.body().get("key").asString();
    String id = created.body().get("id").asString();

    JsonHttp.Response revoked = admin.delete("/api/v1/projects/bank/keys/" + id);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().get("status").asString()).isEqualTo("revoked");
    JsonHttp.Response refused = sender().postWithKey("/api/v1/events?project=bank", key, deposit());
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body().get("reason").asString()).isEqualTo("revoked");
    assertThat(admin.post("/api/v1/projects/bank/keys/" + id + "/rotate", "{}").status())
        .isEqualTo(409);
  }

  @Test
  void aRotatedKeyWorksDuringItsGraceAndItsSuccessorToo() {
    JsonHttp.Response created =
        admin.post("/api/v1/projects/bank/keys", "{\"kind\":\"secret\",\"name\":\"batch\"}");
    String old = created.body().get("key").asString();
    String id = created.body().get("id").asString();

    JsonHttp.Response rotated =
        admin.post("/api/v1/projects/bank/keys/" + id + "/rotate", "{\"grace_seconds\":3600}");
    JsonHttp.Response ended =
        admin.post(
            "/api/v1/projects/bank/keys/" + rotated.body().get("id").asString() + "/rotate",
            "{\"grace_seconds\":0}");

    assertThat(rotated.status()).isEqualTo(201);
    String successor = rotated.body().get("key").asString();
    assertThat(successor).isNotEqualTo(old);
    assertThat(sender().postWithKey("/api/v1/events?project=bank", old, deposit()).status())
        .isEqualTo(200);
    assertThat(
            sender()
                .postWithKey("/api/v1/events?project=bank", successor, deposit())
                .body()
                .get("reason")
                .asString())
        .as("rotated again with no grace")
        .isEqualTo("expired");
    assertThat(
            sender()
                .postWithKey(
                    "/api/v1/events?project=bank", ended.body().get("key").asString(), deposit())
                .status())
        .isEqualTo(200);
    assertThat(admin.post("/api/v1/projects/bank/keys/nope/rotate", "{}").status()).isEqualTo(404);
  }

  @Test
  void onlyAdminsManageKeys() {
    JsonHttp anonymous = sender();

    assertThat(anonymous.get("/api/v1/projects/bank/keys").status()).isEqualTo(401);
    assertThat(
            admin.post("/api/v1/projects/bank/keys", "{\"kind\":\"root\",\"name\":\"x\"}").status())
        .isEqualTo(400);
  }

  @Test
  void storesPersonalValuesHashedAndMaskedAndQuarantinesForbiddenOnesWithoutThem() {
    long now = System.currentTimeMillis();
    String view =
        """
        [{"type":"track","event":"ViewHome","distinct_id":"pii-user","time":%d,
          "properties":{"phone":"13812345678","holder":"张三丰"}},
         {"type":"track","event":"ViewHome","distinct_id":"pii-user","time":%d,
          "properties":{"id_photo":"jpeg-bytes","phone":"13900001111"}}]
        """
            .formatted(now, now + 1);

    JsonHttp.Response posted = sender().post("/api/v1/events?project=bank", view);

    assertThat(posted.body().get("accepted").asInt()).as("%s", posted.body()).isEqualTo(1);
    JsonNode events = admin.get("/api/v1/projects/bank/users/pii-user/events").body();
    String stored = events.toString();
    assertThat(stored).contains("张**").doesNotContain("13812345678", "三丰");
    JsonNode properties = events.get("events").get(0).get("properties");
    assertThat(properties.toString()).containsPattern("\"[0-9a-f]{64}\"");
    String quarantined = admin.get("/api/v1/projects/bank/quarantine").body().toString();
    assertThat(quarantined)
        .contains("FORBIDDEN_PROPERTY")
        .doesNotContain("jpeg-bytes", "13900001111");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> postForm(String path, String form) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
