package dev.sextant.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import dev.sextant.sink.app.SinkApplication;
import dev.sextant.store.clickhouse.ClickHouseConnection;
import dev.sextant.store.clickhouse.ClickHouseEventStore;
import dev.sextant.store.clickhouse.ClickHouseFormat;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import dev.sextant.testsupport.kafka.KafkaExtension;
import dev.sextant.testsupport.kafka.KafkaTestBroker;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kill the sink between insert and commit, restart: no event is lost and none is seen twice. The
 * first sink is the real application in a child JVM that halts right after ClickHouse accepted its
 * first batch; a second sink in the same consumer group then gets the uncommitted batch again.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class})
class SinkCrashRecoveryIT {

  private static final String TOPIC = "crash-it.events";
  private static final String GROUP = "crash-it-sink";
  private static final int EVENTS = 300;

  private final EventJson json = new EventJson();

  @Test
  void aBatchInsertedButNotCommittedIsLoadedAgainAndReadOnce(
      ClickHouseTestServer clickHouse, KafkaTestBroker kafka, @TempDir Path logs) throws Exception {
    List<String> sent = produceEvents(kafka);
    List<String> args = sinkArguments(clickHouse, kafka);

    Process crashing = startCrashingSink(args, logs.resolve("crashing-sink.log").toFile());
    assertThat(crashing.waitFor(120, TimeUnit.SECONDS)).as("crashing sink ended").isTrue();
    assertThat(crashing.exitValue())
        .as("the sink halted right after an insert (log: %s)", logs.resolve("crashing-sink.log"))
        .isEqualTo(CrashingSink.CRASHED_AFTER_INSERT);

    try (ClickHouseHttpClient client = client(clickHouse)) {
      assertThat(rowsIn(client)).as("rows inserted before the crash").isPositive();
      assertThat(committedOffsets(kafka)).as("offsets committed before the crash").isZero();

      ConfigurableApplicationContext sink =
          SinkApplication.application().run(args.toArray(String[]::new));
      try {
        ClickHouseEventStore store = new ClickHouseEventStore(client);
        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(() ->
                assertThat(store.findUserEvents("demo", "investor", EVENTS + 100))
                    .extracting(TrackedEvent::insertId)
                    .containsExactlyInAnyOrderElementsOf(sent));
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(committedOffsets(kafka)).isEqualTo(EVENTS));
        // Analyses read without de-duplicating: the redelivered batch must not have been stored
        // twice (the restarted sink checked its first batch's insert ids before inserting).
        assertThat(rowsIn(client)).as("raw rows after recovery").isEqualTo(EVENTS);
      } finally {
        sink.close();
      }
    }
  }

  private List<String> produceEvents(KafkaTestBroker kafka) throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    List<String> insertIds = new ArrayList<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < EVENTS; i++) {
        TrackedEvent event =
            new TrackedEvent(
                "demo",
                "P2P_Invest",
                "investor",
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i),
                "insert-" + i,
                (long) i,
                Map.of("$app_version", "1.0." + i),
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i));
        producer
            .send(new ProducerRecord<>(TOPIC, event.distinctId(), json.writeEvent(event)))
            .get();
        insertIds.add(event.insertId());
      }
    }
    return insertIds;
  }

  private static List<String> sinkArguments(
      ClickHouseTestServer clickHouse, KafkaTestBroker kafka) {
    return List.of(
        "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + GROUP,
        // The crashed member is only evicted after its session times out: keep that short.
        "--spring.kafka.consumer.properties.session.timeout.ms=6000",
        "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
        "--sextant.kafka.events-topic=" + TOPIC,
        "--sextant.kafka.quarantine-topic=crash-it.quarantine",
        "--sextant.clickhouse.url=" + clickHouse.baseUrl(),
        "--sextant.clickhouse.user=" + clickHouse.user(),
        "--sextant.clickhouse.password=" + clickHouse.password(),
        "--sextant.clickhouse.database=" + clickHouse.database(),
        // Each sink JVM gets its own empty plan store: the events carry only preset properties,
        // which every project types without a plan.
        "--spring.datasource.url=jdbc:h2:mem:crash-sink;DB_CLOSE_DELAY=-1");
  }

  private static Process startCrashingSink(List<String> args, File log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashingSink.class.getName());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log))
        .start();
  }

  private static ClickHouseHttpClient client(ClickHouseTestServer clickHouse) {
    return new ClickHouseHttpClient(
        ClickHouseConnection.of(clickHouse.baseUrl(), clickHouse.database())
            .withCredentials(clickHouse.user(), clickHouse.password()));
  }

  /** Raw rows, before any de-duplication. */
  private static long rowsIn(ClickHouseHttpClient client) {
    return Long.parseLong(
        client.query("SELECT count() FROM events_demo", ClickHouseFormat.TAB_SEPARATED).strip());
  }

  private static long committedOffsets(KafkaTestBroker kafka) throws Exception {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (Admin admin = Admin.create(properties)) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }
}
