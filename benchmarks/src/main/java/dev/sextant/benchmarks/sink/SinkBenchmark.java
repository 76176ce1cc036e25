package dev.sextant.benchmarks.sink;

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
    boolean withDuckDb = Boolean.parseBoolean(options.getOrDefault("duckdb", "true"));

    List<TrackedEvent> events = events("sinkbench", count);
    System.out.printf(
        Locale.ROOT,
        "%,d events of %d properties each; load average %s%n",
        count,
        TYPES.size(),
        loadAverage());

    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 4);
    kafka.afterPropertiesSet();
    try {
      for (ClickHouseInsertFormat format : formats) {
        measure(clickHouseUrl, kafka, events, format);
      }
    } finally {
      kafka.destroy();
    }
    if (withDuckDb) {
      double duckDb = duckDbAppend(events);
      System.out.printf(Locale.ROOT, "DuckDB embedded append: %,.0f rows/s%n", duckDb);
    }
    System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
  }

  /**
   * The raw insert and the sink with one insert format, each into a database of its own; the sink
   * reads a topic of its own.
   */
  private static void measure(
      URI clickHouseUrl,
      EmbeddedKafkaKraftBroker kafka,
      List<TrackedEvent> events,
      ClickHouseInsertFormat format)
      throws Exception {
    int count = events.size();
    String database = "sextant_sink_bench_" + System.currentTimeMillis();
    String topic = "bench.events." + format.name().toLowerCase(Locale.ROOT);
    kafka.addTopics(new NewTopic(topic, 4, (short) 1));
    try (ClickHouseHttpClient client =
        new ClickHouseHttpClient(ClickHouseConnection.of(clickHouseUrl, database))) {
      client.createDatabaseIfAbsent();
      double raw = rawInsert(client, count, format);
      System.out.printf(
          Locale.ROOT,
          "%s: raw ClickHouse insert: %,.0f rows/s (load average %s)%n",
          format.sqlName(),
          raw,
          loadAverage());
      produce(kafka.getBrokersAsString(), topic, events);
      double sink =
          sink(client, clickHouseUrl, database, kafka.getBrokersAsString(), topic, count, format);
      System.out.printf(
          Locale.ROOT,
          "%s: sink, steady state: %,.0f rows/s (%.2f of the raw insert; load average %s)%n",
          format.sqlName(),
          sink,
          sink / raw,
          loadAverage());
      client.executeOutsideDatabase("DROP DATABASE IF EXISTS " + database);
    }
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
