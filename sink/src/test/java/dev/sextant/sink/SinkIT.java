package dev.sextant.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.event.IdLink;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import dev.sextant.registry.SchemaRegistryConfiguration;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.EventStore;
import dev.sextant.store.duckdb.DuckDbEventStore;
import dev.sextant.testsupport.kafka.KafkaExtension;
import dev.sextant.testsupport.kafka.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The sink against a real Kafka broker: records on the topics end up in the store; an unreadable
 * record is parked on the dead-letter topic with its reason and does not hold up the others.
 */
@ExtendWith(KafkaExtension.class)
class SinkIT {

  private static final String EVENTS = "sink-it.events";

  /** The plan that types the events' property. */
  private static final String PLAN =
      """
      project: demo
      version: 0
      properties:
        - name: amount
          type: NUMBER
      """;

  private final EventJson json = new EventJson();
  private ConfigurableApplicationContext sink;
  private EventStore store;
  private KafkaTemplate<String, String> kafka;
  private KafkaTestBroker broker;

  /**
   * The sink's wiring with DuckDB as the store and plans in an in-memory H2 database (Boot's
   * embedded default), so that only Kafka is under test here.
   */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({SchemaRegistryConfiguration.class, SinkConfiguration.class})
  static class SinkOnDuckDb {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    DuckDbEventStore store() {
      DuckDbEventStore store = DuckDbEventStore.inMemory();
      store.createSchema();
      return store;
    }
  }

  @BeforeEach
  @SuppressWarnings("unchecked")
  void startSink(KafkaTestBroker broker) {
    this.broker = broker;
    sink =
        new SpringApplicationBuilder(SinkOnDuckDb.class)
            .web(WebApplicationType.NONE)
            .properties("spring.config.name=sink")
            .run(
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--sextant.kafka.events-topic=" + EVENTS,
                "--sextant.kafka.quarantine-topic=sink-it.quarantine");
    store = sink.getBean(EventStore.class);
    sink.getBean(PlanStorage.class)
        .save(new PlanRevision(PlanDocuments.fromYaml(PLAN), "sink-it", List.of()));
    kafka = sink.getBean(KafkaTemplate.class);
  }

  @AfterEach
  void stopSink() {
    sink.close();
  }

  @Test
  void loadsEventsAndParksAnUnreadableRecordWithItsReason() {
    kafka.send(EVENTS, "trader-7", json.writeEvent(anEvent("first", 1000)));
    kafka.send(EVENTS, "trader-7", "this is not an event");
    kafka.send(EVENTS, "trader-7", json.writeEvent(anEvent("second", 2000)));
    kafka.flush();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() ->
            assertThat(store.findUserEvents("demo", "trader-7", 10))
                .extracting(TrackedEvent::insertId)
                .containsExactly("second", "first"));
    ConsumerRecord<String, String> parked = readOne(EVENTS + ".dlt");
    assertThat(parked.value()).isEqualTo("this is not an event");
    assertThat(
            new String(
                parked.headers().lastHeader(KafkaDeadLetters.REASON_HEADER).value(),
                StandardCharsets.UTF_8))
        .startsWith("unreadable record: ");
  }

  @Test
  void storesTheIdLinkASignupCarriesThroughKafka() {
    TrackedEvent signup = anEvent("signup", 3000).linking("anon-7");
    kafka.send(EVENTS, "trader-7", json.writeEvent(signup));
    kafka.flush();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() ->
            assertThat(store.findLinks("demo"))
                .containsExactly(
                    new IdLink("demo", "anon-7", "trader-7", Instant.ofEpochMilli(3000))));
    assertThat(store.findUserIds("demo", "anon-7")).containsExactly("trader-7", "anon-7");
  }

  @Test
  void commitsWhatItLoadedWhenItIsStopped() throws Exception {
    int events = 500;
    for (int i = 0; i < events; i++) {
      kafka.send(EVENTS, "trader-" + (i % 20), json.writeEvent(anEvent("stop-" + i, 5000 + i)));
    }
    kafka.flush();
    await().atMost(Duration.ofSeconds(60)).until(() -> loaded(20) == events);

    // As a rolling update stops a pod: the listener finishes its batch, then commits, then ends.
    sink.close();

    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets("sextant-sink").partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
      committed.keySet().stream()
          .filter(partition -> partition.topic().equals(EVENTS))
          .forEach(partition -> ends.put(partition, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
          admin.listOffsets(ends).all().get();

      assertThat(ends).isNotEmpty();
      ends.keySet()
          .forEach(partition ->
              assertThat(committed.get(partition).offset())
                  .as("the committed offset of %s", partition)
                  .isEqualTo(latest.get(partition).offset()));
    }
  }

  /** Events stored for {@code traders} users trader-0, trader-1, ... */
  private int loaded(int traders) {
    int count = 0;
    for (int i = 0; i < traders; i++) {
      count += store.findUserEvents("demo", "trader-" + i, 10_000).size();
    }
    return count;
  }

  private ConsumerRecord<String, String> readOne(String topic) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "sink-it-reader");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, String>> received = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return !received.isEmpty();
          });
      return received.getFirst();
    }
  }

  private static TrackedEvent anEvent(String insertId, long millis) {
    return new TrackedEvent(
        "demo",
        "forex_Deposit",
        "trader-7",
        Instant.ofEpochMilli(millis),
        insertId,
        null,
        Map.of("amount", 100L),
        Instant.ofEpochMilli(millis));
  }
}
