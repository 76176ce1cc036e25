package dev.sextant.benchmarks.sink;

import dev.sextant.benchmarks.report.BenchmarkResult;
import dev.sextant.benchmarks.report.ResultFiles;
import dev.sextant.benchmarks.report.Table;
import dev.sextant.benchmarks.report.TargetCheck;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import dev.sextant.sink.app.SinkApplication;
import dev.sextant.store.ColumnType;
import dev.sextant.store.EventTables;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.clickhouse.ClickHouseConnection;
import dev.sextant.store.clickhouse.ClickHouseEventStore;
import dev.sextant.store.clickhouse.ClickHouseFormat;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Loading speed of the sink (Kafka → ClickHouse, the real {@code SinkApplication}) next to a raw
 * ClickHouse insert of the same rows in the same run, and of the embedded path's DuckDB append.
 *
 * <p>The raw baseline inserts pre-serialized {@code JSONEachRow} bodies of the same events, in
 * batches of the sink's size, into an identical table (same columns, same materialized view): only
 * ClickHouse's own work is timed. The sink is timed from the moment it starts until ClickHouse
 * holds every event, with the events already waiting in Kafka, so it includes consuming, decoding,
 * re-encoding, compressing and every insert.
 *
 * <p>Run: {@code java -cp ... dev.sextant.benchmarks.sink.SinkBenchmark --events 1000000
 * --clickhouse http://localhost:8123}.
 */
public final class SinkBenchmark {

  static final Map<String, ColumnType> TYPES =
      Map.of(
          "$os", ColumnType.STRING,
          "$app_version", ColumnType.STRING,
          "$model", ColumnType.STRING,
          "$screen_width", ColumnType.NUMBER,
          "$wifi", ColumnType.BOOL,
          "$city", ColumnType.STRING,
          "$latitude", ColumnType.NUMBER,
          "$timezone_offset", ColumnType.NUMBER,
          "$network_type", ColumnType.STRING,
          "$carrier", ColumnType.STRING);

  static final PropertyTypes PROPERTY_TYPES =
      (project, property) -> Optional.ofNullable(TYPES.get(property));

  private static final int BATCH = 10_000;

  private SinkBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int count = Integer.parseInt(options.getOrDefault("events", "1000000"));
    URI clickHouseUrl = URI.create(options.getOrDefault("clickhouse", "http://localhost:8123"));
    String database = "sextant_sink_bench_" + System.currentTimeMillis();

    BenchmarkResult.Builder report =
        BenchmarkResult.builder(
            "sink", "The sink (Kafka → ClickHouse), next to a raw ClickHouse insert");
    List<TrackedEvent> events = events("sinkbench", count);
    System.out.printf(Locale.ROOT, "%,d events of %d properties each%n", count, TYPES.size());
    double raw;
    double sink;

    try (ClickHouseHttpClient client =
        new ClickHouseHttpClient(ClickHouseConnection.of(clickHouseUrl, database))) {
      client.createDatabaseIfAbsent();
      raw = rawInsert(client, count);
      System.out.printf(Locale.ROOT, "raw ClickHouse insert: %,.0f rows/s%n", raw);

      EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 4, "bench.events");
      kafka.afterPropertiesSet();
      try {
        produce(kafka.getBrokersAsString(), events);
        sink = sink(client, clickHouseUrl, database, kafka.getBrokersAsString(), count);
        System.out.printf(
            Locale.ROOT,
            "sink, steady state: %,.0f rows/s (%.2f of the raw insert)%n",
            sink,
            sink / raw);
      } finally {
        kafka.destroy();
      }
      client.executeOutsideDatabase("DROP DATABASE IF EXISTS " + database);
    }
    double duckDb = duckDbAppend(events);
    System.out.printf(Locale.ROOT, "DuckDB embedded append: %,.0f rows/s%n", duckDb);
    ResultFiles.publish(result(report, count, raw, sink, duckDb));
  }

  private static BenchmarkResult result(
      BenchmarkResult.Builder report, int count, double raw, double sink, double duckDb) {
    return report
        .method(
            """
            %,d events with ten Sensors preset properties each wait on a topic of an in-process \
            KRaft broker (4 partitions); then the real `SinkApplication` starts and the time is \
            taken from the first rows ClickHouse holds to the last (start-up: Spring context and \
            consumer group join, is left out). The baseline inserts the same rows, serialized \
            before the clock starts, in batches of %,d into an identical table (same columns, same \
            materialized view) in the same run: only ClickHouse's own work is timed. The embedded \
            path's DuckDB `append` of the same events in batches of %,d is timed too.\
            """
                .formatted(count, BATCH, BATCH))
        .command(
            """
            java -Xmx6g --enable-native-access=ALL-UNNAMED -cp "$(cat benchmarks/target/classpath.txt)" \
              dev.sextant.benchmarks.sink.SinkBenchmark --events %d --clickhouse http://localhost:8123\
            """
                .formatted(count))
        .table(
            Table.builder("", "path", "rows/s >", "÷ raw ClickHouse insert >")
                .row("raw ClickHouse insert (baseline)", rows(raw), "1")
                .row(
                    "sink, steady state",
                    rows(sink),
                    String.format(Locale.ROOT, "%.2f", sink / raw))
                .row(
                    "DuckDB append (embedded mode)",
                    rows(duckDb),
                    String.format(Locale.ROOT, "%.2f", duckDb / raw))
                .build())
        .target(
            TargetCheck.atLeast(
                "sink rows/s ÷ raw ClickHouse insert rows/s", 0.7, sink / raw, "%.2f"))
        .build();
  }

  private static String rows(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  /**
   * App events with ten Sensors preset properties (which every project types without a plan, so the
   * sink needs no plan database content), with varied values.
   */
  static List<TrackedEvent> events(String project, int count) {
    List<TrackedEvent> events = new ArrayList<>(count);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      Instant time = start.plusMillis(i * 37L);
      Map<String, Object> properties = new HashMap<>();
      properties.put("$os", i % 3 == 0 ? "iOS" : "Android");
      properties.put("$app_version", "3.2." + (i % 7));
      properties.put("$model", "model-" + (i % 50));
      properties.put("$screen_width", 1080L);
      properties.put("$wifi", i % 2 == 0);
      properties.put("$city", i % 5 == 0 ? "上海" : "深圳");
      properties.put("$latitude", BigDecimal.valueOf(3_120_000 + i % 1000, 5));
      properties.put("$timezone_offset", -480L);
      properties.put("$network_type", i % 2 == 0 ? "WIFI" : "4G");
      properties.put("$carrier", "中国移动");
      events.add(
          new TrackedEvent(
              project,
              i % 4 == 0 ? "P2P_Invest" : "$AppViewScreen",
              "user-" + (i % 100_000),
              time,
              "bench-" + i,
              (long) i,
              properties,
              time.plusMillis(120)));
    }
    return events;
  }

  private static double rawInsert(ClickHouseHttpClient client, int count) {
    ClickHouseEventStore store = new ClickHouseEventStore(client);
    store.createSchema();
    List<TrackedEvent> events = events("raw", count);
    // The table, its columns and its view, exactly as the sink's; then the timed raw inserts.
    store.append(events.subList(0, 1), PROPERTY_TYPES);
    List<byte[]> bodies = new ArrayList<>();
    for (int from = 1; from < count; from += BATCH) {
      bodies.add(RawRows.jsonEachRow(events.subList(from, Math.min(count, from + BATCH))));
    }
    List<String> columns = RawRows.columns();
    long started = System.nanoTime();
    for (byte[] body : bodies) {
      client.insert(EventTables.events("raw"), columns, body);
    }
    return (count - 1) / ((System.nanoTime() - started) / 1e9);
  }

  private static void produce(String bootstrap, List<TrackedEvent> events) throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    EventJson json = new EventJson();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      for (TrackedEvent event : events) {
        producer.send(
            new ProducerRecord<>(
                "bench.events",
                event.project() + ":" + event.distinctId(),
                json.writeEvent(event)));
      }
      producer.flush();
    }
  }

  private static double sink(
      ClickHouseHttpClient client, URI url, String database, String bootstrap, int count)
      throws InterruptedException, IOException {
    Path plans = Files.createTempDirectory("sink-bench").resolve("plans");
    long started = System.nanoTime();
    ConfigurableApplicationContext sink =
        SinkApplication.application()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--sextant.kafka.events-topic=bench.events",
                "--sextant.kafka.quarantine-topic=bench.quarantine",
                "--sextant.clickhouse.url=" + url,
                "--sextant.clickhouse.database=" + database,
                "--spring.datasource.url=jdbc:h2:file:" + plans + ";DB_CLOSE_ON_EXIT=FALSE",
                "--logging.level.root=WARN");
    try {
      long firstRowAt = 0;
      long firstRows = 0;
      long rows;
      while ((rows = rows(client, "sinkbench")) < count) {
        if (firstRowAt == 0 && rows > 0) {
          firstRowAt = System.nanoTime();
          firstRows = rows;
        }
        Thread.sleep(20);
      }
      long done = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "sink: first rows %.1f s after start (Spring context, consumer group join);"
              + " all %,d rows after %.1f s%n",
          (firstRowAt - started) / 1e9,
          count,
          (done - started) / 1e9);
      // Steady state: from the first insert seen to the last, without start-up.
      return (count - firstRows) / ((done - firstRowAt) / 1e9);
    } finally {
      sink.close();
    }
  }

  private static long rows(ClickHouseHttpClient client, String project) {
    try {
      return Long.parseLong(
          client
              .query(
                  "SELECT count() FROM " + EventTables.events(project),
                  ClickHouseFormat.TAB_SEPARATED)
              .strip());
    } catch (RuntimeException tableNotThereYet) {
      return 0;
    }
  }

  private static double duckDbAppend(List<TrackedEvent> events) throws Exception {
    Path file = Files.createTempDirectory("duckdb-bench").resolve("events.duckdb");
    try (DuckDbEventStore store = DuckDbEventStore.open(file)) {
      store.createSchema();
      long started = System.nanoTime();
      for (int from = 0; from < events.size(); from += BATCH) {
        store.append(events.subList(from, Math.min(events.size(), from + BATCH)), PROPERTY_TYPES);
      }
      return events.size() / ((System.nanoTime() - started) / 1e9);
    }
  }
}
