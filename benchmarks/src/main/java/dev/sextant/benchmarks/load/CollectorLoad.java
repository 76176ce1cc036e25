package dev.sextant.benchmarks.load;

import dev.sextant.benchmarks.report.BenchmarkResult;
import dev.sextant.benchmarks.report.ResultFiles;
import dev.sextant.benchmarks.report.Table;
import dev.sextant.benchmarks.report.TargetCheck;
import dev.sextant.collector.app.CollectorApplication;
import dev.sextant.collector.ingest.InsertIds;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Load on the collector in distributed mode, next to a raw Kafka producer, in one JVM and one run
 * (see docs/benchmarks.md): a real Kafka broker (KRaft, in-process), the collector service ({@link
 * CollectorApplication}, plans in in-memory H2), and virtual-thread clients posting Sensors-format
 * batches ({@code POST /sa?project=demo}, {@code data_list} gzip base64, 50 records) and waiting
 * for each answer.
 *
 * <p>Each side runs twice: as fast as the clients go (the maximum), then open loop at 70 % of that
 * maximum, where the latency percentiles count from each batch's scheduled time. The raw baseline
 * sends the same batches as the collector would publish them (50 event JSONs keyed
 * project:distinct_id, the collector's producer settings: acks=all, idempotence, lz4, linger 5 ms)
 * and waits for all 50 acknowledgements.
 *
 * <p>Arguments: {@code [clients=64] [seconds per phase=20] [warm-up seconds=10]}.
 */
public final class CollectorLoad {

  private static final int BATCH = 50;
  private static final int USERS = 100_000;
  private static final double LOAD_FRACTION = 0.7;
  private static final String RAW_TOPIC = "bench.raw";

  /** The collector's own insert ids, so that the baseline makes them at the same cost. */
  private static final InsertIds INSERT_IDS = InsertIds.random();

  private final int clients;
  private final Duration phase;
  private final Duration warmUp;
  private final Map<String, LoadPhase.Result> results = new LinkedHashMap<>();

  /** Started with the benchmark, so that its time counts the broker's and collector's start. */
  private final BenchmarkResult.Builder report =
      BenchmarkResult.builder(
          "collector-distributed", "Collector in distributed mode, next to a raw Kafka producer");

  /** Per side: the maximum and the run at 70 % of it. */
  private final Map<String, LoadPhase.Result[]> sides = new LinkedHashMap<>();

  private static final String RAW = "raw Kafka producer";
  private static final String COLLECTOR = "collector POST /sa";

  private CollectorLoad(int clients, Duration phase, Duration warmUp) {
    this.clients = clients;
    this.phase = phase;
    this.warmUp = warmUp;
  }

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    new CollectorLoad(clients, Duration.ofSeconds(seconds), Duration.ofSeconds(warmUp)).run();
    // Kafka's and Tomcat's non-daemon threads are closed above; make sure nothing lingers.
    System.exit(0);
  }

  private void run() throws Exception {
    String loadAtStart = loadAverage();
    System.out.printf(
        "clients=%d phase=%s warm-up=%s batch=%d cpus=%d load average at start: %s%n",
        clients, phase, warmUp, BATCH, Runtime.getRuntime().availableProcessors(), loadAtStart);
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3"));
    broker.afterPropertiesSet();
    // Created before the first send: an idempotent producer that races the automatic creation of
    // its topic can see the leader change under it and retry out-of-order batches for seconds.
    broker.addTopics(
        new NewTopic(RAW_TOPIC, 3, (short) 1), new NewTopic("sextant.events", 3, (short) 1));
    try {
      rawKafka(broker.getBrokersAsString());
      collector(broker.getBrokersAsString());
    } finally {
      broker.destroy();
    }
    String loadAtEnd = loadAverage();
    System.out.printf("load average at end: %s%n%n", loadAtEnd);
    ResultFiles.publish(result(loadAtStart, loadAtEnd));
  }

  private BenchmarkResult result(String loadAtStart, String loadAtEnd) {
    Table.Builder table =
        Table.builder(
            "",
            "run",
            "batches/s >",
            "events/s >",
            "p50 ms >",
            "p99 ms >",
            "p99.9 ms >",
            "max ms >",
            "failed >");
    results.forEach((name, result) ->
        table.row(
            name,
            String.format(Locale.ROOT, "%,.0f", result.batchesPerSecond()),
            String.format(Locale.ROOT, "%,.0f", result.batchesPerSecond() * BATCH),
            String.format(Locale.ROOT, "%.1f", result.percentileMillis(50)),
            String.format(Locale.ROOT, "%.1f", result.percentileMillis(99)),
            String.format(Locale.ROOT, "%.1f", result.percentileMillis(99.9)),
            String.format(Locale.ROOT, "%.1f", result.latency().getMaxValue() / 1000.0),
            Long.toString(result.failures())));
    BenchmarkResult.Builder report =
        this.report
            .method(
                """
                One JVM: a real Kafka broker (KRaft, in-process, 3 partitions), the collector \
                service (`CollectorApplication`, plans in H2, rate limits off) and %d \
                virtual-thread clients, each posting a batch of %d records as the JavaScript \
                SDK's batch sender does (`POST /sa`, `data_list` = base64 of gzipped JSON) and \
                waiting for the answer, which comes only after Kafka acknowledged all %d \
                (`acks=all`, idempotence). The baseline is a plain `KafkaProducer` with the \
                collector's settings sending, per batch, the 50 event JSONs the collector would \
                publish, and waiting for their acknowledgements: no HTTP, no decoding, no \
                validation. Each side: %d s warm-up, %d s as fast as the clients go (the \
                maximum), then %d s open loop at 70 %% of it, latency counted from each batch's \
                scheduled time. Load average %s at the start, %s at the end.\
                """
                    .formatted(
                        clients,
                        BATCH,
                        BATCH,
                        warmUp.toSeconds(),
                        phase.toSeconds(),
                        phase.toSeconds(),
                        loadAtStart,
                        loadAtEnd))
            .command(
                """
                java -cp "$(cat benchmarks/target/classpath.txt)" \
                  dev.sextant.benchmarks.load.CollectorLoad %d %d %d\
                """
                    .formatted(clients, phase.toSeconds(), warmUp.toSeconds()))
            .table(table.build());
    LoadPhase.Result[] raw = sides.get(RAW);
    LoadPhase.Result[] collector = sides.get(COLLECTOR);
    if (raw != null && collector != null) {
      double ratio = collector[0].batchesPerSecond() / raw[0].batchesPerSecond();
      report.note(
          String.format(
              Locale.ROOT,
              "Collector maximum ÷ raw producer maximum: %.2f (%,.0f ÷ %,.0f events/s).",
              ratio,
              collector[0].batchesPerSecond() * BATCH,
              raw[0].batchesPerSecond() * BATCH));
    }
    if (collector != null) {
      report.target(
          TargetCheck.atLeast(
              "collector maximum, events/s (batches of 50)",
              50_000,
              collector[0].batchesPerSecond() * BATCH,
              "%,.0f"));
      report.target(
          TargetCheck.atMost(
              "collector p99 at 70 % of its maximum, ms",
              25, collector[1].percentileMillis(99), "%.1f"));
    }
    return report.build();
  }

  /** The baseline: the collector's producer settings, the collector's records, no HTTP. */
  private void rawKafka(String bootstrapServers) throws Exception {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    EventJson json = new EventJson();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      LoadPhase.Sender send =
          () -> {
            List<Future<RecordMetadata>> acks = new ArrayList<>(BATCH);
            for (TrackedEvent event : events()) {
              acks.add(
                  producer.send(
                      new ProducerRecord<>(
                          RAW_TOPIC,
                          event.project() + ":" + event.distinctId(),
                          json.writeEventUtf8(event))));
            }
            for (Future<RecordMetadata> ack : acks) {
              ack.get(30, TimeUnit.SECONDS);
            }
            return true;
          };
      measure(RAW, send);
    }
  }

  /** The events the collector would publish for one batch: same properties, same sizes. */
  private static List<TrackedEvent> events() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Instant now = Instant.now();
    List<TrackedEvent> events = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      int product = random.nextInt(10_000);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("$lib", "js");
      properties.put("$lib_version", "1.26.18");
      properties.put("$screen_width", 1920L);
      properties.put("$screen_height", 1080L);
      properties.put("$viewport_width", 1536L);
      properties.put("$viewport_height", 730L);
      properties.put(
          "$url", "https://shop.example.cn/products/" + product + "?utm_source=newsletter");
      properties.put("$url_path", "/products/" + product);
      properties.put("$title", "理财产品 " + product);
      properties.put("$referrer", "https://shop.example.cn/");
      properties.put("$latest_traffic_source_type", "直接流量");
      properties.put("$latest_referrer", "");
      properties.put("$timezone_offset", -480L);
      properties.put("$is_first_day", false);
      properties.put("product_id", "p-" + product);
      properties.put("price", new java.math.BigDecimal(random.nextInt(1000) + ".5"));
      // What the collector adds: the client's address and the user agent's facts.
      properties.put("$ip", "127.0.0.1");
      properties.put("$os", "Windows");
      properties.put("$os_version", "10");
      properties.put("$browser", "Chrome");
      properties.put("$browser_version", "120");
      events.add(
          new TrackedEvent(
              "demo",
              "ViewProduct",
              "user-" + random.nextInt(USERS),
              now,
              INSERT_IDS.get(),
              random.nextLong(1L << 52),
              properties,
              now));
    }
    return events;
  }

  private void collector(String bootstrapServers) throws Exception {
    try (ConfigurableApplicationContext collector =
        CollectorApplication.application()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                // The load generator is one client sending far more than a browser would.
                "--sextant.collector.rate-limit.client-requests-per-second=0",
                "--sextant.collector.rate-limit.project-records-per-second=0",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off")) {
      collector
          .getBean(PlanStorage.class)
          .save(
              new PlanRevision(
                  PlanDocuments.fromYaml(SensorsBatches.PLAN), "collector-load", List.of()));
      int port =
          Integer.parseInt(collector.getEnvironment().getRequiredProperty("local.server.port"));
      URI sa = URI.create("http://127.0.0.1:" + port + "/sa?project=demo");
      try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
        LoadPhase.Sender send =
            () -> {
              String form = SensorsBatches.form(SensorsBatches.records(BATCH, USERS));
              HttpResponse<String> answer =
                  http.send(
                      HttpRequest.newBuilder(sa)
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .header(
                              "User-Agent",
                              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
                                  + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36")
                          .POST(HttpRequest.BodyPublishers.ofString(form))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              return answer.statusCode() == 200 && answer.body().contains("\"accepted\":" + BATCH);
            };
        measure(COLLECTOR, send);
      }
    }
  }

  /** Warm-up, the maximum, then 70 % of it. */
  private void measure(String name, LoadPhase.Sender send) throws InterruptedException {
    LoadPhase.closedLoop(clients, warmUp, send);
    LoadPhase.Result max = LoadPhase.closedLoop(clients, phase, send);
    results.put(name + ", max (closed loop, " + clients + " clients)", max);
    double target = max.batchesPerSecond() * LOAD_FRACTION;
    LoadPhase.Result paced = LoadPhase.openLoop(clients, phase, target, send);
    results.put(
        name
            + String.format(Locale.ROOT, ", %,.0f events/s offered (70 %% of max)", target * BATCH),
        paced);
    sides.put(name, new LoadPhase.Result[] {max, paced});
    System.out.printf(
        "%s: max %,.0f events/s; at 70 %%: %,.0f events/s, p99 %.1f ms%n",
        name,
        max.batchesPerSecond() * BATCH,
        paced.batchesPerSecond() * BATCH,
        paced.percentileMillis(99));
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
