package dev.sextant.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.event.json.EventJson;
import dev.sextant.event.profile.Profile;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
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
 * The distributed path of profiles: updates on the profiles topic, as the collector sends them, are
 * loaded by the sink application into ClickHouse, where the latest profile is folded from them. A
 * message delivered twice counts once; an unreadable one is parked and holds nothing up.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class})
class ProfileSinkIT {

  private static final String PROFILES = "profile-sink-it.profiles";

  private final EventJson json = new EventJson();

  @Test
  void loadsProfileUpdatesFromTheProfilesTopicIntoClickHouse(
      ClickHouseTestServer clickHouse, KafkaTestBroker kafka) throws Exception {
    List<ProfileUpdate> updates =
        List.of(
            update(ProfileOperation.SET, 1, Map.of("city", "上海", "vip", true)),
            update(ProfileOperation.INCREMENT, 2, Map.of("invested", new BigDecimal("100.50"))),
            update(ProfileOperation.INCREMENT, 3, Map.of("invested", 50L)),
            update(ProfileOperation.APPEND, 4, Map.of("products", List.of("稳盈-90天"))),
            update(ProfileOperation.UNSET, 5, Map.of("vip", true)));
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      for (ProfileUpdate update : updates) {
        send(producer, json.writeProfileUpdate(update));
      }
      send(producer, "this is not a profile update");
      // A redelivery, as after a sink crash between insert and commit.
      send(producer, json.writeProfileUpdate(updates.get(2)));
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
          .untilAsserted(() ->
              assertThat(store.findProfile("demo", List.of("investor")))
                  .contains(
                      new Profile(
                          Map.of(
                              "city",
                              "上海",
                              "invested",
                              new BigDecimal("150.50"),
                              "products",
                              List.of("稳盈-90天")),
                          Instant.ofEpochMilli(5))));
      assertThat(store.findProfileUpdates("demo", List.of("investor"))).isEqualTo(updates);
    } finally {
      sink.close();
    }
  }

  private static ProfileUpdate update(
      ProfileOperation operation, long millis, Map<String, Object> properties) {
    return new ProfileUpdate(
        "demo",
        "investor",
        operation,
        properties,
        Instant.ofEpochMilli(millis),
        "insert-" + millis,
        Instant.ofEpochMilli(millis + 1));
  }

  private static KafkaProducer<String, String> producer(KafkaTestBroker kafka) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, String value) throws Exception {
    producer.send(new ProducerRecord<>(PROFILES, "demo:investor", value)).get();
  }

  private static String[] arguments(ClickHouseTestServer clickHouse, KafkaTestBroker kafka) {
    return new String[] {
      "--server.port=0",
      "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
      "--spring.kafka.consumer.group-id=profile-sink-it",
      "--sextant.kafka.events-topic=profile-sink-it.events",
      "--sextant.kafka.quarantine-topic=profile-sink-it.quarantine",
      "--sextant.kafka.profiles-topic=" + PROFILES,
      "--sextant.clickhouse.url=" + clickHouse.baseUrl(),
      "--sextant.clickhouse.user=" + clickHouse.user(),
      "--sextant.clickhouse.password=" + clickHouse.password(),
      "--sextant.clickhouse.database=" + clickHouse.database(),
      "--spring.datasource.url=jdbc:h2:mem:profile-sink;DB_CLOSE_DELAY=-1"
    };
  }
}
