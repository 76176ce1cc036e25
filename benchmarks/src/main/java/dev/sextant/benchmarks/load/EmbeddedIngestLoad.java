package dev.sextant.benchmarks.load;

import dev.sextant.benchmarks.report.BenchmarkResult;
import dev.sextant.benchmarks.report.ResultFiles;
import dev.sextant.benchmarks.report.Table;
import dev.sextant.event.TrackedEvent;
import dev.sextant.registry.columns.PlanPropertyTypes;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.server.SextantServer;
import dev.sextant.store.duckdb.DuckDbEventStore;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load on the embedded deployment's ingestion path, next to a raw DuckDB append, in one JVM and one
 * run (see docs/benchmarks.md): the all-in-one {@link SextantServer} on a fresh data directory
 * (DuckDB events, H2 plans, demo off, rate limits off), and virtual-thread clients posting
 * Sensors-format batches of 50 ({@code POST /sa?project=demo}, {@code data_list} gzip base64) and
 * waiting for each answer, which comes after DuckDB committed the batch.
 *
 * <p>The server runs once per group-commit setting: one request per transaction ({@code
 * max-group-records=1}, what the collector did before the group commit: every request appended and
 * committed alone, one at a time under the store's write lock), and group commit with each {@code
 * max-group-delay}. Each: warm-up, the maximum (closed loop), then open loop at 70 % of it. The
 * baseline, {@link DuckDbEventStore#append} of the events the collector stores for such batches
 * from one thread, no HTTP, no decoding, no validation, runs with batches of 50 (one request) and
 * of the mean group the server's transactions took at its maximum.
 *
 * <p>Arguments: {@code [clients=64] [seconds per phase=20] [warm-up seconds=10] [group delays in
 * ms, comma-separated=0,2]}.
 */
public final class EmbeddedIngestLoad {

  private static final int BATCH = 50;
  private static final int USERS = 100_000;
  private static final double LOAD_FRACTION = 0.7;

  /**
   * One measured run.
   *
   * @param name what ran, at which load
   * @param batchSize events per batch
   * @param result what the phase measured
   * @param meanGroupRecords records per DuckDB transaction over the phase (0 for the baseline)
   */
  public record Measurement(
      String name, int batchSize, LoadPhase.Result result, double meanGroupRecords) {

    public double eventsPerSecond() {
      return result.batchesPerSecond() * batchSize;
    }
  }

  private EmbeddedIngestLoad() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    List<Duration> delays =
        Stream.of((args.length > 3 ? args[3] : "0,2").split(","))
            .map(ms -> Duration.ofMillis(Long.parseLong(ms.trim())))
            .toList();
    BenchmarkResult.Builder report =
        BenchmarkResult.builder(
            "collector-embedded",
            "Collector in embedded mode (group commit), next to a raw DuckDB append");
    String loadAtStart = loadAverage();
    System.out.printf(
        "clients=%d phase=%ss warm-up=%ss batch=%d delays=%s cpus=%d load average at start: %s%n",
        clients,
        seconds,
        warmUp,
        BATCH,
        delays,
        Runtime.getRuntime().availableProcessors(),
        loadAtStart);
    List<Measurement> measurements =
        measure(clients, Duration.ofSeconds(seconds), Duration.ofSeconds(warmUp), delays);
    String loadAtEnd = loadAverage();
    System.out.printf("load average at end: %s%n%n", loadAtEnd);
    ResultFiles.publish(
        result(report, measurements, clients, seconds, warmUp, args, loadAtStart, loadAtEnd));
    // Tomcat's and DuckDB's threads are closed above; make sure nothing lingers.
    System.exit(0);
  }

  /**
   * The server once per setting (one request per transaction, then group commit with each delay),
   * then the raw append baseline, each on a fresh data directory.
   */
  public static List<Measurement> measure(
      int clients, Duration phase, Duration warmUp, List<Duration> groupDelays) throws Exception {
    List<Measurement> measurements = new ArrayList<>();
    double largestGroup = 1;
    measurements.addAll(server(clients, phase, warmUp, "one request per transaction", "1", "0ms"));
    for (Duration delay : groupDelays) {
      List<Measurement> grouped =
          server(
              clients,
              phase,
              warmUp,
              "group commit, max delay " + delay.toMillis() + " ms",
              "20000",
              delay.toMillis() + "ms");
      largestGroup = Math.max(largestGroup, grouped.getFirst().meanGroupRecords());
      measurements.addAll(grouped);
    }
    measurements.add(rawAppend(BATCH, phase, warmUp));
    int groupSize = (int) Math.round(largestGroup);
    if (groupSize > BATCH) {
      measurements.add(rawAppend(groupSize, phase, warmUp));
    }
    return measurements;
  }

  private static List<Measurement> server(
      int clients,
      Duration phase,
      Duration warmUp,
      String name,
      String maxGroupRecords,
      String maxGroupDelay)
      throws Exception {
    Path dataDir = Files.createTempDirectory("sextant-embedded-load");
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(SextantServer.class)
            .run(
                "--server.port=0",
                "--sextant.data-dir=" + dataDir,
                "--sextant.demo.enabled=false",
                "--sextant.collector.embedded.max-group-records=" + maxGroupRecords,
                "--sextant.collector.embedded.max-group-delay=" + maxGroupDelay,
                // The load generator is one client sending far more than a browser would.
                "--sextant.collector.rate-limit.client-requests-per-second=0",
                "--sextant.collector.rate-limit.project-records-per-second=0",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off")) {
      server
          .getBean(PlanStorage.class)
          .save(new PlanRevision(plan(), "embedded-ingest-load", List.of()));
      MeterRegistry meters = server.getBean(MeterRegistry.class);
      int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
      URI sa = URI.create("http://127.0.0.1:" + port + "/sa?project=demo");
      try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
        LoadPhase.Sender send = () -> SensorsBatches.post(http, sa, BATCH, USERS);
        LoadPhase.closedLoop(clients, warmUp, send);
        GroupCount before = GroupCount.of(meters);
        LoadPhase.Result max = LoadPhase.closedLoop(clients, phase, send);
        GroupCount atMax = GroupCount.of(meters);
        double target = max.batchesPerSecond() * LOAD_FRACTION;
        LoadPhase.Result paced = LoadPhase.openLoop(clients, phase, target, send);
        GroupCount atEnd = GroupCount.of(meters);
        List<Measurement> measured =
            List.of(
                new Measurement(
                    "server POST /sa, " + name + ", max (closed loop, " + clients + " clients)",
                    BATCH,
                    max,
                    atMax.meanSince(before)),
                new Measurement(
                    String.format(
                        "server POST /sa, %s, %.0f events/s offered (70 %% of max)",
                        name, target * BATCH),
                    BATCH,
                    paced,
                    atEnd.meanSince(atMax)));
        measured.forEach(EmbeddedIngestLoad::report);
        return measured;
      }
    } finally {
      deleteRecursively(dataDir);
    }
  }

  /** The baseline: the events the collector stores, appended in batches from one thread. */
  private static Measurement rawAppend(int batchSize, Duration phase, Duration warmUp)
      throws Exception {
    Path dataDir = Files.createTempDirectory("sextant-embedded-raw");
    PlanPropertyTypes types = PlanPropertyTypes.of(plan());
    try (DuckDbEventStore store = DuckDbEventStore.open(dataDir.resolve("events.duckdb"))) {
      store.createSchema();
      LoadPhase.Sender send =
          () -> {
            List<TrackedEvent> events = CollectorLoad.events(batchSize);
            store.append(events, types);
            return true;
          };
      LoadPhase.closedLoop(1, warmUp, send);
      Measurement measured =
          new Measurement(
              "raw DuckDbEventStore.append, batches of " + batchSize + " (one thread)",
              batchSize,
              LoadPhase.closedLoop(1, phase, send),
              batchSize);
      report(measured);
      return measured;
    } finally {
      deleteRecursively(dataDir);
    }
  }

  private static TrackingPlan plan() {
    return PlanDocuments.fromYaml(SensorsBatches.PLAN);
  }

  /** The server's count of transactions and of the records they stored, at one moment. */
  private record GroupCount(long transactions, double records) {

    static GroupCount of(MeterRegistry meters) {
      DistributionSummary summary =
          Search.in(meters).name("sextant.collector.embedded.group.records").summary();
      return summary == null
          ? new GroupCount(0, 0)
          : new GroupCount(summary.count(), summary.totalAmount());
    }

    double meanSince(GroupCount earlier) {
      long count = transactions - earlier.transactions;
      return count == 0 ? 0 : (records - earlier.records) / count;
    }
  }

  private static void report(Measurement measured) {
    System.out.printf(
        "%s: %,.0f events/s, p50 %.1f ms, p99 %.1f ms, mean group %.0f records%n",
        measured.name(),
        measured.eventsPerSecond(),
        measured.result().percentileMillis(50),
        measured.result().percentileMillis(99),
        measured.meanGroupRecords());
  }

  private static BenchmarkResult result(
      BenchmarkResult.Builder report,
      List<Measurement> measurements,
      int clients,
      int seconds,
      int warmUp,
      String[] args,
      String loadAtStart,
      String loadAtEnd) {
    Table.Builder table =
        Table.builder(
            "",
            "run",
            "events/s >",
            "p50 ms >",
            "p99 ms >",
            "p99.9 ms >",
            "max ms >",
            "records per transaction >",
            "failed >");
    for (Measurement measured : measurements) {
      LoadPhase.Result result = measured.result();
      table.row(
          measured.name(),
          String.format(Locale.ROOT, "%,.0f", measured.eventsPerSecond()),
          String.format(Locale.ROOT, "%.1f", result.percentileMillis(50)),
          String.format(Locale.ROOT, "%.1f", result.percentileMillis(99)),
          String.format(Locale.ROOT, "%.1f", result.percentileMillis(99.9)),
          String.format(Locale.ROOT, "%.1f", result.latency().getMaxValue() / 1000.0),
          String.format(Locale.ROOT, "%,.0f", measured.meanGroupRecords()),
          Long.toString(result.failures()));
    }
    report
        .method(
            """
            One JVM: the all-in-one `SextantServer` on a fresh data directory (DuckDB events, H2 \
            plans, demo and rate limits off) and %d virtual-thread clients, each posting a batch \
            of %d records as the JavaScript SDK's batch sender does (`POST /sa`, `data_list` = \
            base64 of gzipped JSON) and waiting for the answer, which comes only after DuckDB \
            committed the transaction holding the batch. The server runs once with one request \
            per transaction (`sextant.collector.embedded.max-group-records=1`: every request \
            committed alone, as before the group commit) and once per group delay; each: %d s \
            warm-up, %d s as fast as the clients go (the maximum), then %d s open loop at 70 %% \
            of it, latency counted from each batch's scheduled time. The baseline is \
            `DuckDbEventStore.append` of the events the collector stores for such batches, from \
            one thread, in batches of %d and of the mean transaction the group commit made at its \
            maximum: no HTTP, no decoding, no validation. Load average %s at the start, %s at \
            the end.\
            """
                .formatted(clients, BATCH, warmUp, seconds, seconds, BATCH, loadAtStart, loadAtEnd))
        .command(
            """
            java --enable-native-access=ALL-UNNAMED -cp "$(cat benchmarks/target/classpath.txt)" \
              dev.sextant.benchmarks.load.EmbeddedIngestLoad %s\
            """
                .formatted(String.join(" ", args)))
        .table(table.build());
    Measurement alone = measurements.getFirst();
    measurements.stream()
        .filter(m -> m.name().contains("group commit") && m.name().endsWith("clients)"))
        .forEach(grouped ->
            report.note(
                String.format(
                    Locale.ROOT,
                    "%s ÷ one request per transaction: %.1f× (%,.0f ÷ %,.0f events/s).",
                    grouped.name(),
                    grouped.eventsPerSecond() / alone.eventsPerSecond(),
                    grouped.eventsPerSecond(),
                    alone.eventsPerSecond())));
    Measurement raw = measurements.getLast();
    measurements.stream()
        .filter(m -> m.name().contains("group commit") && m.name().endsWith("clients)"))
        .forEach(grouped ->
            report.note(
                String.format(
                    Locale.ROOT,
                    "%s ÷ raw append in batches of %d: %.2f.",
                    grouped.name(),
                    raw.batchSize(),
                    grouped.eventsPerSecond() / raw.eventsPerSecond())));
    return report.build();
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(path -> {
            try {
              Files.delete(path);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
