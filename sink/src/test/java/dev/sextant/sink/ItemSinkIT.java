package dev.sextant.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.event.item.Item;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.json.EventJson;
import dev.sextant.sink.app.SinkApplication;
import dev.sextant.store.clickhouse.ClickHouseConnection;
import dev.sextant.store.clickhouse.ClickHouseEventStore;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import dev.sextant.testsupport.kafka.KafkaExtension;
import dev.sextant.testsupport.kafka.KafkaTestBroker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The distributed path of items: updates on the items topic, as the collector sends them, are
 * loaded by the sink application into ClickHouse, where the latest item is folded from them. A
 * message delivered twice counts once; an unreadable one is parked and holds nothing up.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class})
class ItemSinkIT {

  private static final String ITEMS = "item-sink-it.items";

  private final EventJson json = new EventJson();

  @Test
  void loadsItemUpdatesFromTheItemsTopicIntoClickHouse(
      ClickHouseTestServer clickHouse, KafkaTestBroker kafka) throws Exception {
    List<ItemUpdate> kept =
        List.of(
            update("p-42", ItemOperation.SET, 1, Map.of("name", "稳盈-90天", "rate", 4L)),
            update(
                "p-42",
                ItemOperation.SET,
                2,
                Map.of("name", "稳盈-90天", "rate", new BigDecimal("4.5"))));
    List<ItemUpdate> deleted =
        List.of(
            update("p-43", ItemOperation.SET, 3, Map.of("name", "下架")),
            update("p-43", ItemOperation.DELETE, 4, Map.of()));
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      for (ItemUpdate update : kept) {
        send(producer, update.itemId(), json.writeItemUpdate(update));
      }
      send(producer, "p-42", "this is not an item update");
      // A redelivery, as after a sink crash between insert and commit.
      send(producer, "p-42", json.writeItemUpdate(kept.getLast()));
      for (ItemUpdate update : deleted) {
        send(producer, update.itemId(), json.writeItemUpdate(update));
      }
    }

    ConfigurableApplicationContext sink =
        SinkApplication.application().run(arguments(clickHouse, kafka));
    try (ClickHouseHttpClient client =
        new ClickHouseHttpClient(
            ClickHouseConnection.of(clickHouse.baseUrl(), clickHouse.database())
                .withCredentials(clickHouse.user(), clickHouse.password()))) {
      ClickHouseEventStore store = new ClickHouseEventStore(client);
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(() -> {
            assertThat(store.findItem("demo", "product", "p-42"))
                .contains(
                    new Item(
                        "product",
                        "p-42",
                        Map.of("name", "稳盈-90天", "rate", new BigDecimal("4.5")),
                        Instant.ofEpochMilli(2)));
            assertThat(store.findItemUpdates("demo", "product", "p-43")).isEqualTo(deleted);
          });
      assertThat(store.findItemUpdates("demo", "product", "p-42")).isEqualTo(kept);
      assertThat(store.findItem("demo", "product", "p-43")).isEmpty();
    } finally {
      sink.close();
    }
  }

  private static ItemUpdate update(
      String itemId, ItemOperation operation, long millis, Map<String, Object> properties) {
    return new ItemUpdate(
        "demo",
        "product",
        itemId,
        operation,
        properties,
        Instant.ofEpochMilli(millis),
        "insert-" + itemId + "-" + millis,
        Instant.ofEpochMilli(millis + 1));
  }

  private static KafkaProducer<String, String> producer(KafkaTestBroker kafka) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, String itemId, String value)
      throws Exception {
    producer.send(new ProducerRecord<>(ITEMS, "demo:product:" + itemId, value)).get();
  }

  private static String[] arguments(ClickHouseTestServer clickHouse, KafkaTestBroker kafka) {
    return new String[] {
      "--server.port=0",
      "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
      "--spring.kafka.consumer.group-id=item-sink-it",
      "--sextant.kafka.events-topic=item-sink-it.events",
      "--sextant.kafka.quarantine-topic=item-sink-it.quarantine",
      "--sextant.kafka.profiles-topic=item-sink-it.profiles",
      "--sextant.kafka.items-topic=" + ITEMS,
      "--sextant.clickhouse.url=" + clickHouse.baseUrl(),
      "--sextant.clickhouse.user=" + clickHouse.user(),
      "--sextant.clickhouse.password=" + clickHouse.password(),
      "--sextant.clickhouse.database=" + clickHouse.database(),
      "--spring.datasource.url=jdbc:h2:mem:item-sink;DB_CLOSE_DELAY=-1"
    };
  }
}
