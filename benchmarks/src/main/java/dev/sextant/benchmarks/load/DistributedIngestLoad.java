package dev.sextant.benchmarks.load;

import dev.sextant.benchmarks.report.BenchmarkResult;
import dev.sextant.benchmarks.report.ResultFiles;
import dev.sextant.benchmarks.report.Table;
import dev.sextant.collector.app.CollectorApplication;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.sink.app.SinkApplication;
import dev.sextant.store.EventTables;
import dev.sextant.store.clickhouse.ClickHouseConnection;
import dev.sextant.store.clickhouse.ClickHouseFormat;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Distributed mode end to end, in one JVM: clients post Sensors batches to the collector, which
 * answers after Kafka acknowledged them, while the sink loads them into ClickHouse; the run ends
 * when ClickHouse holds every acknowledged event. Its figures are what the two halves of the
 * pipeline do together on the same cores: the collector's acknowledged rate with the sink running,
 * the rate from the first post to the last event visible, and how long after the last
 * acknowledgement the last event became visible. The raw bounds of each half (a raw Kafka producer,
 * a raw ClickHouse insert) are measured by {@link CollectorLoad} and the sink benchmark in the same
 * suite run.
 *
 * <p>Arguments: {@code [clients=32] [seconds=30] [ClickHouse URL=http://localhost:8123]}.
 */
public final class DistributedIngestLoad {

  private static final int BATCH = 50;
  private static final int USERS = 100_000;

  private DistributedIngestLoad() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    URI clickHouse = URI.create(args.length > 2 ? args[2] : "http://localhost:8123");
    BenchmarkResult.Builder report =
        BenchmarkResult.builder(
            "ingest-distributed",
            "Distributed mode end to end: collector → Kafka → sink → ClickHouse");
    String loadAtStart = loadAverage();
    String database = "sextant_e2e_" + System.currentTimeMillis();
    // Collector and sink share one plan database, as they share PostgreSQL in production.
    String plans = "jdbc:h2:mem:e2e-plans;DB_CLOSE_DELAY=-1";
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.afterPropertiesSet();
    broker.addTopics(
        new NewTopic("sextant.events", 3, (short) 1),
        new NewTopic("sextant.quarantine", 3, (short) 1),
        new NewTopic("sextant.profiles", 3, (short) 1),
        new NewTopic("sextant.items", 3, (short) 1));
    try (ClickHouseHttpClient client =
            new ClickHouseHttpClient(ClickHouseConnection.of(clickHouse, database));
        ConfigurableApplicationContext collector =
            CollectorApplication.application()
                .run(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--spring.datasource.url=" + plans,
                    "--sextant.collector.rate-limit.client-requests-per-second=0",
                    "--sextant.collector.rate-limit.project-records-per-second=0",
                    "--logging.level.root=WARN",
                    "--spring.main.banner-mode=off")) {
      client.createDatabaseIfAbsent();
      collector
          .getBean(PlanStorage.class)
          .save(
              new PlanRevision(
                  PlanDocuments.fromYaml(SensorsBatches.PLAN), "ingest-distributed", List.of()));
      try (ConfigurableApplicationContext sink =
          SinkApplication.application()
              .run(
                  "--server.port=0",
                  "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                  "--sextant.clickhouse.url=" + clickHouse,
                  "--sextant.clickhouse.database=" + database,
                  "--spring.datasource.url=" + plans,
                  "--logging.level.root=WARN",
                  "--spring.main.banner-mode=off")) {
        if (!sink.isRunning()) {
          throw new IllegalStateException("the sink did not start");
        }
        int port =
            Integer.parseInt(collector.getEnvironment().getRequiredProperty("local.server.port"));
        run(report, client, port, clients, Duration.ofSeconds(seconds), loadAtStart);
      }
      client.executeOutsideDatabase("DROP DATABASE IF EXISTS " + database);
    } finally {
      broker.destroy();
    }
    ResultFiles.publish(report.build());
    // Kafka's and Tomcat's non-daemon threads are closed above; make sure nothing lingers.
    System.exit(0);
  }

  private static void run(
      BenchmarkResult.Builder report,
      ClickHouseHttpClient client,
      int port,
      int clients,
      Duration duration,
      String loadAtStart)
      throws Exception {
    URI sa = URI.create("http://127.0.0.1:" + port + "/sa?project=demo");
    AtomicLong accepted = new AtomicLong();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      LoadPhase.Sender send =
          () -> {
            String form = SensorsBatches.form(SensorsBatches.records(BATCH, USERS));
            HttpResponse<String> answer =
                http.send(
                    HttpRequest.newBuilder(sa)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean ok =
                answer.statusCode() == 200 && answer.body().contains("\"accepted\":" + BATCH);
            if (ok) {
              accepted.addAndGet(BATCH);
            }
            return ok;
          };
      // A short warm-up of the whole pipeline, whose events count like the others'.
      LoadPhase.closedLoop(clients, Duration.ofSeconds(5), send);
      long ackedBefore = accepted.get();
      long started = System.nanoTime();
      LoadPhase.Result load = LoadPhase.closedLoop(clients, duration, send);
      long lastAck = System.nanoTime();
      long expected = accepted.get();
      long visible;
      long deadline = lastAck + Duration.ofMinutes(10).toNanos();
      while ((visible = rows(client)) < expected && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      long allVisible = System.nanoTime();
      double drain = (allVisible - lastAck) / 1e9;
      // The events acknowledged in the measured phase, over the time until all are visible (the
      // warm-up's backlog, if any was left, is loaded in that time too: a slight underestimate).
      double endToEnd = (expected - ackedBefore) / ((allVisible - started) / 1e9);
      String loadAtEnd = loadAverage();
      report
          .method(
              """
              One JVM: a real Kafka broker (KRaft, in-process, 3 partitions), the collector \
              service and the sink service (plans in one shared H2 database, as they share \
              PostgreSQL in production), and ClickHouse as its own process. %d virtual-thread \
              clients post batches of %d records as the JavaScript SDK does (`POST /sa`, gzip, \
              base64), each waiting for the answer, for %d s after a 5 s warm-up; then the run \
              waits until ClickHouse holds every acknowledged event. Load average %s at the \
              start, %s at the end.\
              """
                  .formatted(clients, BATCH, duration.toSeconds(), loadAtStart, loadAtEnd))
          .command(
              """
              java -cp "$(cat benchmarks/target/classpath.txt)" dev.sextant.benchmarks.load.DistributedIngestLoad %d %d http://localhost:8123\
              """
                  .formatted(clients, duration.toSeconds()))
          .table(
              Table.builder("", "figure", "value >")
                  .row(
                      "acknowledged by the collector, with the sink loading at the same time",
                      String.format(Locale.ROOT, "%,.0f events/s", load.batchesPerSecond() * BATCH))
                  .row(
                      "ack latency p50 / p99",
                      String.format(
                          Locale.ROOT,
                          "%.1f ms / %.1f ms",
                          load.percentileMillis(50),
                          load.percentileMillis(99)))
                  .row(
                      "end to end: from the first post to the last event visible in ClickHouse",
                      String.format(Locale.ROOT, "%,.0f events/s", endToEnd))
                  .row(
                      "last event visible after the last acknowledgement",
                      String.format(Locale.ROOT, "%.1f s", drain))
                  .row(
                      "events acknowledged / visible in ClickHouse",
                      String.format(Locale.ROOT, "%,d / %,d", expected, visible))
                  .row("failed requests", Long.toString(load.failures()))
                  .build());
      if (visible != expected) {
        report.note(
            "**ClickHouse did not hold every acknowledged event within 10 minutes of the last"
                + " acknowledgement.**");
      }
    }
  }

  private static long rows(ClickHouseHttpClient client) {
    try {
      return Long.parseLong(
          client
              .query(
                  "SELECT count() FROM " + EventTables.events("demo"),
                  ClickHouseFormat.TAB_SEPARATED)
              .strip());
    } catch (RuntimeException tableNotThereYet) {
      return 0;
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
