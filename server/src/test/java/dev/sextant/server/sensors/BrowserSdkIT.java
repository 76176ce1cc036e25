package dev.sextant.server.sensors;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@code sa-sdk-javascript} 1.27.11 in headless Chromium (Debian's {@code
 * /usr/bin/chromium}, driven by Playwright from {@code src/test/browser}) on a page of its own
 * origin, sending to the all-in-one server with each of its senders: page view, click, a custom
 * event, login. The events reach the store with the SDK's preset properties and the collector's
 * enrichment; the login's {@code track_signup} links the anonymous id to the login id, so the
 * user's sequence shows the events of both.
 */
class BrowserSdkIT {

  private static final Path BROWSER_TEST = Path.of("src/test/browser");

  @TempDir static Path dataDir;

  private static ConfigurableApplicationContext server;
  private static JsonHttp http;
  private static String serverUrl;

  @BeforeAll
  static void start() {
    server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(
                TestAdmin.ARGUMENT,
                "--server.port=0",
                "--sextant.data-dir=" + dataDir,
                // A small demo load: the test needs the plan, not the events.
                "--sextant.demo.users=20");
    int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
    http = TestAdmin.signedIn(port);
    serverUrl = "http://127.0.0.1:" + port + "/sa?project=demo";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "send_type {0}")
  @ValueSource(strings = {"image", "ajax", "beacon"})
  void storesWhatTheJavaScriptSdkSendsFromChromium(String sendType) throws Exception {
    JsonNode run = drive(sendType);
    String anonymousId = run.get("anonymousId").asString();
    String loginId = run.get("loginId").asString();
    assertThat(run.get("answered").valueStream().map(JsonNode::asInt)).containsOnly(200);

    // Three events before the login, its $SignUp and one after: all of one user.
    JsonNode user =
        awaitEvents(
            loginId,
            events ->
                sentUnder(events, anonymousId).size() >= 3
                    && sentUnder(events, loginId).size() >= 2);
    JsonNode anonymous = sentUnder(user, anonymousId);
    assertThat(anonymous.valueStream().map(e -> e.get("event").asString()))
        .containsExactlyInAnyOrder("$pageview", "$WebClick", "P2P_ClickProduct");
    JsonNode pageView = only(anonymous, "$pageview").get("properties");
    assertThat(pageView.get("$lib").asString()).isEqualTo("js");
    assertThat(pageView.get("$lib_version").asString()).isEqualTo("1.27.11");
    assertThat(pageView.get("$title").asString()).isEqualTo("稳盈 90 天");
    assertThat(pageView.get("$url").asString()).startsWith("http://127.0.0.1:");
    assertThat(pageView.get("$screen_width").asInt()).isPositive();
    assertThat(pageView.get("$browser").asString()).isEqualTo("Chrome");
    assertThat(pageView.get("$os").asString()).isEqualTo("Windows NT");
    assertThat(pageView.get("$ip").asString()).isEqualTo("127.0.0.1");
    assertThat(only(anonymous, "$WebClick").get("properties").get("$element_id").asString())
        .isEqualTo("product");

    JsonNode loggedIn = sentUnder(user, loginId);
    assertThat(loggedIn.valueStream().map(e -> e.get("event").asString()))
        .contains("$SignUp", "P2P_ClickProduct");
    assertThat(only(loggedIn, "P2P_ClickProduct").get("properties").get("product_id").asString())
        .isEqualTo("wy-180");
    assertThat(awaitEvents(anonymousId, events -> events.size() >= user.size()))
        .as("the anonymous id finds the same user")
        .isEqualTo(user);
  }

  /** The events of a user's sequence that were sent under one of its ids. */
  private static JsonNode sentUnder(JsonNode events, String distinctId) {
    return JsonMapper.builder()
        .build()
        .valueToTree(
            events
                .valueStream()
                .filter(e -> e.get("distinct_id").asString().equals(distinctId))
                .toList());
  }

  private static JsonNode drive(String sendType) throws IOException, InterruptedException {
    Path output = Files.createTempFile(dataDir, "drive-", ".json");
    Process node =
        new ProcessBuilder("node", "drive-sdk.mjs", serverUrl, sendType)
            .directory(BROWSER_TEST.toFile())
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!node.waitFor(90, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("the browser run did not finish within 90 s");
    }
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(node.exitValue()).as("node drive-sdk.mjs exit code; output: %s", lines).isZero();
    return JsonMapper.builder().build().readTree(lines.getLast());
  }

  private static JsonNode awaitEvents(String distinctId, Predicate<JsonNode> complete) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> http.get("/api/v1/projects/demo/users/" + distinctId + "/events").body(),
            body -> complete.test(body.get("events")))
        .get("events");
  }

  private static JsonNode only(JsonNode events, String name) {
    return events
        .valueStream()
        .filter(e -> e.get("event").asString().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
