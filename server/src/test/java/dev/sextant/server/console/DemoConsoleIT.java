package dev.sextant.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.SextantServer;
import dev.sextant.testsupport.http.TestAdmin;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10's promise: after the README's start command, with nothing but the default demo (its 90
 * days end yesterday), every page of the console shows data on its defaults. Headless Chromium
 * ({@code src/test/browser/drive-demo.mjs}) opens each page as a first-time user would and this
 * test checks that none is empty; screenshots go to {@code target/console-screenshots/demo-*.png}.
 */
class DemoConsoleIT {

  private static final Path SCREENSHOTS = BrowserDriver.SCREENSHOTS;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path dataDir;

  private static ConfigurableApplicationContext server;
  private static String baseUrl;

  @BeforeAll
  static void start() {
    server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(TestAdmin.ARGUMENT, "--server.port=0", "--sextant.data-dir=" + dataDir);
    baseUrl =
        "http://127.0.0.1:" + server.getEnvironment().getRequiredProperty("local.server.port");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyPageShowsTheDemoOnItsDefaults() throws Exception {
    JsonNode seen = drive();

    assertThat(seen.get("pageErrors")).as("errors in the page").isEmpty();
    assertThat(seen.at("/overview/trendDays").asString()).isEqualTo("30");
    assertThat(seen.at("/overview/trendCharts").asInt()).isPositive();
    assertThat(number(seen.at("/overview/quarantineToday").asString()))
        .as("today's quarantine rate: the faulty release's records")
        .isPositive();

    assertThat(seen.at("/events/error").isNull()).as("%s", seen.get("events")).isTrue();
    assertThat(texts(seen.at("/events/totals")))
        .as("PV and UV of the last 7 days")
        .hasSize(2)
        .allSatisfy(total -> assertThat(number(total)).isPositive());

    assertThat(seen.at("/funnels/error").isNull()).as("%s", seen.get("funnels")).isTrue();
    // One row: the users of each step, from the sign-ups of the last 7 days on.
    assertThat(texts(seen.at("/funnels/rows")))
        .singleElement()
        .satisfies(row -> assertThat(number(row.strip().split("\\s+")[0])).isPositive());

    assertThat(seen.at("/sessions/error").isNull()).as("%s", seen.get("sessions")).isTrue();
    assertThat(number(seen.at("/sessions/sessions").asString())).as("sessions").isPositive();

    assertThat(texts(seen.at("/segments/saved"))).singleElement().asString().contains("高意向客户");

    assertThat(seen.at("/customer/events").asInt()).as("%s", seen.get("customer")).isPositive();
    assertThat(seen.at("/customer/properties").asInt()).isPositive();

    assertThat(seen.at("/retention/error").isNull()).as("%s", seen.get("retention")).isTrue();
    assertThat(seen.at("/retention/empty").asInt()).isZero();
    assertThat(seen.at("/retention/rows").asInt()).as("cohorts").isPositive();

    assertThat(seen.at("/distributions/error").isNull())
        .as("%s", seen.get("distributions"))
        .isTrue();
    assertThat(seen.at("/distributions/empty").asInt()).isZero();
    assertThat(seen.at("/distributions/charts").asInt()).isPositive();

    assertThat(seen.at("/plan/events").asInt())
        .as("the demo plan's events, a page of them")
        .isGreaterThanOrEqualTo(10);

    // The demo's faulty app release, quarantined by the collector's validation on first start.
    assertThat(String.join("\n", texts(seen.at("/quality/reasons"))))
        .contains("UNKNOWN_EVENT", "MISSING_REQUIRED_PROPERTY", "NOT_IN_ENUM", "TYPE_MISMATCH");
  }

  /** A figure as the page prints it, e.g. "12,345". */
  private static BigDecimal number(String text) {
    return new BigDecimal(text.replaceAll("[^0-9.]", ""));
  }

  private static JsonNode drive() throws IOException, InterruptedException {
    return BrowserDriver.run(
        dataDir,
        Duration.ofSeconds(300),
        "drive-demo.mjs",
        baseUrl,
        SCREENSHOTS.toAbsolutePath().toString(),
        TestAdmin.USERNAME,
        TestAdmin.PASSWORD);
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
