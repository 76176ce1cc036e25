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
import dev.sextant.store.clickhouse.ClickHouseInsertFormat;
import dev.sextant.store.clickhouse.RowBinaryEvents;
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
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
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
 * <p>Once per insert format ({@code --formats JSON_EACH_ROW,ROW_BINARY}, the sink's {@code
 * sextant.clickhouse.insert-format}), each in a database of its own. The raw baseline inserts
 * pre-serialized bodies of the same events in the same format, in batches of the sink's size, into
 * an identical table (same columns, same materialized view): only ClickHouse's own work is timed.
 * The sink is timed from the moment it starts until ClickHouse holds every event, with the events
 * already waiting in Kafka, so it includes consuming, decoding, re-encoding, compressing and every
 * insert.
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

  /** One insert format's figures: the raw insert's and the sink's rows per second. */
  record FormatResult(ClickHouseInsertFormat format, double raw, double sink) {
    double ratio() {
      return sink / raw;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int count = Integer.parseInt(options.getOrDefault("events", "1000000"));
    URI clickHouseUrl = URI.create(options.getOrDefault("clickhouse", "http://localhost:8123"));
    List<ClickHouseInsertFormat> formats =
        Stream.of(options.getOrDefault("formats", "JSON_EACH_ROW,ROW_BINARY").split(","))
            .map(ClickHouseInsertFormat::valueOf)
            .toList();
    int warmUp = Integer.parseInt(options.getOrDefault("warm-up", String.valueOf(count / 5)));

    BenchmarkResult.Builder report =
        BenchmarkResult.builder(
            "sink", "The sink (Kafka → ClickHouse), next to a raw ClickHouse insert");
    List<TrackedEvent> events = events("sinkbench", count);
    String loadAtStart = loadAverage();
    System.out.printf(
        Locale.ROOT,
        "%,d events of %d properties each; load average %s%n",
        count,
        TYPES.size(),
        loadAtStart);

    List<FormatResult> results = new ArrayList<>();
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 4);
    kafka.afterPropertiesSet();
    try {
      if (warmUp > 0) {
        // The first sink of a JVM runs partly interpreted: warm the shared code (Jackson, the
        // store's encoders) up once, unmeasured, so that no format pays for it.
        for (ClickHouseInsertFormat format : formats) {
          measure(clickHouseUrl, kafka, events.subList(0, warmUp), format, "warmup");
        }
      }
      for (ClickHouseInsertFormat format : formats) {
        results.add(measure(clickHouseUrl, kafka, events, format, "measured"));
      }
    } finally {
      kafka.destroy();
    }
    double duckDb = duckDbAppend(events);
    System.out.printf(Locale.ROOT, "DuckDB embedded append: %,.0f rows/s%n", duckDb);
    String loadAtEnd = loadAverage();
    System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAtEnd);
    ResultFiles.publish(result(report, count, results, duckDb, loadAtStart, loadAtEnd));
  }

  /**
   * The raw insert and the sink with one insert format, each into a database of its own; the sink
   * reads a topic of its own.
   */
  private static FormatResult measure(
      URI clickHouseUrl,
      EmbeddedKafkaKraftBroker kafka,
      List<TrackedEvent> events,
      ClickHouseInsertFormat format,
      String run)
      throws Exception {
    int count = events.size();
    String database = "sextant_sink_bench_" + System.currentTimeMillis();
    String topic = "bench.events." + run + "." + format.name().toLowerCase(Locale.ROOT);
    kafka.addTopics(new NewTopic(topic, 4, (short) 1));
    try (ClickHouseHttpClient client =
        new ClickHouseHttpClient(ClickHouseConnection.of(clickHouseUrl, database))) {
      client.createDatabaseIfAbsent();
      double raw = rawInsert(client, count, format);
      produce(kafka.getBrokersAsString(), topic, events);
      double sink =
          sink(client, clickHouseUrl, database, kafka.getBrokersAsString(), topic, count, format);
      System.out.printf(
          Locale.ROOT,
          "%s, %s: raw ClickHouse insert %,.0f rows/s, sink steady state %,.0f rows/s"
              + " (%.2f of the raw insert); load average %s%n",
          run,
          format.sqlName(),
          raw,
          sink,
          sink / raw,
          loadAverage());
      client.executeOutsideDatabase("DROP DATABASE IF EXISTS " + database);
      return new FormatResult(format, raw, sink);
    }
  }

  private static BenchmarkResult result(
      BenchmarkResult.Builder report,
      int count,
      List<FormatResult> results,
      double duckDb,
      String loadAtStart,
      String loadAtEnd) {
    Table.Builder table = Table.builder("", "path", "rows/s >", "÷ raw ClickHouse insert >");
    for (FormatResult result : results) {
      String format = result.format().sqlName();
      table
          .row("raw ClickHouse insert, " + format + " (baseline)", rows(result.raw()), "1")
          .row(
              "sink, steady state, " + format,
              rows(result.sink()),
              String.format(Locale.ROOT, "%.2f", result.ratio()));
    }
    FormatResult last = results.getLast();
    table.row(
        "DuckDB append (embedded mode)",
        rows(duckDb),
        String.format(Locale.ROOT, "%.2f", duckDb / last.raw()) + " (of the last raw insert)");
    report
        .method(
            """
            %,d events with ten Sensors preset properties each wait on a topic of an in-process \
            KRaft broker (4 partitions); then the real `SinkApplication` starts and the time is \
            taken from the first rows ClickHouse holds to the last (start-up: Spring context and \
            consumer group join, is left out). Once per insert format \
            (`sextant.clickhouse.insert-format`), each into a database of its own, after one \
            unmeasured warm-up run per format on a fifth of the events. The baseline inserts the \
            same rows in the same format, serialized before the clock starts, in batches of %,d \
            into an identical table (same columns, same materialized view) in the same run: only \
            ClickHouse's own work is timed. The embedded path's DuckDB `append` of the same events \
            in batches of %,d is timed too. Load average %s at the start, %s at the end.\
            """
                .formatted(count, BATCH, BATCH, loadAtStart, loadAtEnd))
        .command(
            """
            java -Xmx6g --enable-native-access=ALL-UNNAMED -cp "$(cat benchmarks/target/classpath.txt)" \
              dev.sextant.benchmarks.sink.SinkBenchmark --events %d --clickhouse http://localhost:8123\
            """
                .formatted(count))
        .table(table.build());
    for (FormatResult result : results) {
      report.target(
          TargetCheck.atLeast(
              "sink rows/s ÷ raw ClickHouse insert rows/s, " + result.format().sqlName(),
              0.7,
              result.ratio(),
              "%.2f"));
    }
    return report.build();
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

  private static double rawInsert(
      ClickHouseHttpClient client, int count, ClickHouseInsertFormat format) {
    ClickHouseEventStore store = new ClickHouseEventStore(client, format);
    store.createSchema();
    List<TrackedEvent> events = events("raw", count);
    // The table, its columns and its view, exactly as the sink's; then the timed raw inserts.
    store.append(events.subList(0, 1), PROPERTY_TYPES);
    List<String> columns = RawRows.columns();
    List<String> properties = columns.subList(columns.size() - TYPES.size(), columns.size());
    List<byte[]> bodies = new ArrayList<>();
    for (int from = 1; from < count; from += BATCH) {
      List<TrackedEvent> batch = events.subList(from, Math.min(count, from + BATCH));
      bodies.add(
          switch (format) {
            case JSON_EACH_ROW -> RawRows.jsonEachRow(batch);
            case ROW_BINARY -> RowBinaryEvents.write(batch, properties, TYPES);
          });
    }
    long started = System.nanoTime();
    for (byte[] body : bodies) {
      client.insert(EventTables.events("raw"), columns, format, body);
    }
    return (count - 1) / ((System.nanoTime() - started) / 1e9);
  }

  private static void produce(String bootstrap, String topic, List<TrackedEvent> events)
      throws Exception {
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
                topic, event.project() + ":" + event.distinctId(), json.writeEvent(event)));
      }
      producer.flush();
    }
  }

  private static double sink(
      ClickHouseHttpClient client,
      URI url,
      String database,
      String bootstrap,
      String topic,
      int count,
      ClickHouseInsertFormat format)
      throws InterruptedException, IOException {
    Path plans = Files.createTempDirectory("sink-bench").resolve("plans");
    long started = System.nanoTime();
    ConfigurableApplicationContext sink =
        SinkApplication.application()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--sextant.kafka.events-topic=" + topic,
                "--sextant.clickhouse.insert-format=" + format.name(),
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

  private static String rows(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
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
