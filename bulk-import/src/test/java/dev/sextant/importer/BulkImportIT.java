package dev.sextant.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.demo.output.SensorsJsonLinesWriter;
import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.server.SextantServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The import tool against the running all-in-one server: a simulated history of the demo app
 * (Sensors JSON lines, back-end events included) goes through the collector with the secret key; an
 * interruption whose batch the server took but whose answer was lost is resumed without storing
 * anything twice; broken lines are quarantined and counted by reason.
 */
class BulkImportIT {

  private static final int BATCH = 200;

  @TempDir static Path directory;

  private static ConfigurableApplicationContext server;
  private static URI baseUrl;
  private static JsonHttp admin;
  private static String secretKey;

  @BeforeAll
  static void start() {
    server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(
                TestAdmin.ARGUMENT,
                "--server.port=0",
                "--sextant.data-dir=" + directory.resolve("data"),
                // The demo plan without its events: the import brings them.
                "--sextant.demo.users=0");
    int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
    baseUrl = URI.create("http://127.0.0.1:" + port);
    admin = TestAdmin.signedIn(port);
    secretKey = TestAdmin.newKey(admin, "demo", "secret");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void importsAHistoryThroughTheCollectorAndResumesWithoutStoringTwice() throws IOException {
    Path file = directory.resolve("history.jsonl");
    long simulated = simulate(file, 25, 20);
    Files.writeString(
        file,
        "this line is not JSON\n"
            + "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u\",\"time\":1485878400000,"
            + "\"properties\":{\"product_id\":\"p\",\"amount\":\"lots\",\"result\":\"success\"}}\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    long lines = simulated + 2;

    // The third batch reaches the server, but its answer is lost, as when the network drops.
    CollectorClient client = new CollectorClient(baseUrl, "demo", secretKey);
    AtomicInteger batches = new AtomicInteger();
    BatchSender losingTheThirdAnswer =
        records -> {
          BatchOutcome outcome = client.send(records);
          if (batches.incrementAndGet() == 3) {
            throw new ImportFailedException("connection reset while reading the answer");
          }
          return outcome;
        };
    Run first = run(losingTheThirdAnswer, file);
    Run resumed = run(client, file);
    Run again = run(client, file);

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.output()).contains("stopped: connection reset", "run the same command again");
    assertThat(resumed.exitCode()).as(resumed.output()).isZero();
    assertThat(resumed.output())
        .contains("resuming after line " + 2 * BATCH)
        .contains(lines + " lines")
        .contains("MALFORMED_PAYLOAD: 1", "TYPE_MISMATCH: 1");
    ImportState state = ImportStateFile.of(file, null).read().orElseThrow();
    assertThat(state.finished()).isTrue();
    assertThat(state.linesDone()).isEqualTo(lines);
    assertThat(state.duplicates())
        .as("the batch sent twice was recognised by its _track_ids")
        .isEqualTo(BATCH);
    assertThat(state.accepted()).isEqualTo(simulated - BATCH);
    assertThat(state.quarantinedRecords()).isEqualTo(2);
    assertThat(storedEvents()).isEqualTo(simulated);
    assertThat(again.output()).contains("already imported");
    assertThat(storedEvents()).isEqualTo(simulated);
  }

  @Test
  void stopsWithAClearMessageWithoutTheSecretKey() throws IOException {
    Path file = directory.resolve("small.jsonl");
    simulate(file, 2, 3);

    Run refused = run(new CollectorClient(baseUrl, "demo", "sx_sec_wrong"), file);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output()).contains("HTTP 401", "--key or SEXTANT_API_KEY");
    assertThat(ImportStateFile.of(file, null).read()).isEmpty();
  }

  private static long simulate(Path file, int users, int days) {
    try (SensorsJsonLinesWriter writer = SensorsJsonLinesWriter.open(file)) {
      new DemoSimulation(SimulationSettings.caseStudy("demo", users, days, 7)).run(writer);
      return writer.written();
    }
  }

  /** Events stored in the demo project, by the query API. */
  private static long storedEvents() {
    JsonHttp.Response answer =
        admin.post(
            "/api/v1/projects/demo/analyses/events",
            """
            {"metrics": [{"events": [], "measure": "events"}],
             "from": "2016-12-01", "to": "2017-12-31", "granularity": "total"}
            """);
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    return answer.body().get("current").get(0).get("points").get(0).get("value").asLong();
  }

  private record Run(int exitCode, String output) {}

  private static Run run(BatchSender sender, Path file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int exitCode =
        new CommandLine(new ImportCommand(out, sender))
            .execute("--project", "demo", "--batch-size", String.valueOf(BATCH), file.toString());
    return new Run(exitCode, bytes.toString(StandardCharsets.UTF_8));
  }
}
