package dev.sextant.collector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.json.EventJson;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.kafka.KafkaExtension;
import dev.sextant.testsupport.kafka.KafkaTestBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collector service in distributed mode, through its HTTP APIs, against a real Kafka broker
 * (plans in an in-memory H2 database): an SDK's retried record is stored once, event times out of
 * range are quarantined, and senders past their rate get 429.
 */
@ExtendWith(KafkaExtension.class)
class CollectorHttpIT {

  private static final String EVENTS = "collector-http-it.events";
  private static final String QUARANTINE = "collector-http-it.quarantine";
  private static final String PROFILES = "collector-http-it.profiles";
  private static final String ITEMS = "collector-http-it.items";
  private static final String PLAN =
      """
      project: %s
      version: 0
      events:
        - name: P2P_Invest
          properties:
            - name: amount
              required: true
      properties:
        - name: amount
          type: NUMBER
      """;

  private static ConfigurableApplicationContext collector;
  private static JsonHttp http;
  private static HttpClient client;
  private static String baseUrl;
  private static String bootstrapServers;

  private final JsonMapper json = JsonMapper.builder().build();
  private final EventJson eventJson = new EventJson();

  @BeforeAll
  static void start(KafkaTestBroker broker) {
    bootstrapServers = broker.bootstrapServers();
    collector =
        CollectorApplication.application()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--sextant.kafka.events-topic=" + EVENTS,
                "--sextant.kafka.quarantine-topic=" + QUARANTINE,
                "--sextant.kafka.profiles-topic=" + PROFILES,
                "--sextant.kafka.items-topic=" + ITEMS,
                "--sextant.collector.event-time.projects.archive.max-past=3650d",
                "--sextant.collector.rate-limit.projects.limited.records-per-second=5",
                "--sextant.collector.rate-limit.projects.limited.records-burst=10",
                // The tests' own requests come from 127.0.0.1; the throttled client is another
                // address, forwarded by this trusted proxy.
                "--sextant.collector.trusted-proxies=127.0.0.1,::1",
                "--sextant.collector.rate-limit.client-requests-per-second=1",
                "--sextant.collector.rate-limit.client-requests-burst=10");
    PlanStorage plans = collector.getBean(PlanStorage.class);
    for (String project : List.of("demo", "archive", "limited")) {
      plans.save(
          new PlanRevision(PlanDocuments.fromYaml(PLAN.formatted(project)), "it", List.of()));
    }
    int port =
        Integer.parseInt(collector.getEnvironment().getRequiredProperty("local.server.port"));
    http = JsonHttp.onLocalPort(port);
    baseUrl = "http://127.0.0.1:" + port;
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    if (collector != null) {
      collector.close();
    }
  }

  private static String invest(String user, long trackId, Instant time) {
    return """
    {"type":"track","event":"P2P_Invest","distinct_id":"%s","time":%d,"_track_id":%d,
     "properties":{"amount":500}}\
    """
        .formatted(user, time.toEpochMilli(), trackId);
  }

  private List<TrackedEvent> eventsOf(String user) {
    return TopicContents.values(bootstrapServers, EVENTS).stream()
        .map(eventJson::readEvent)
        .filter(event -> event.distinctId().equals(user))
        .toList();
  }

  private List<QuarantinedRecord> quarantinedOf(String user) {
    return TopicContents.values(bootstrapServers, QUARANTINE).stream()
        .map(eventJson::readQuarantined)
        .filter(record -> record.payload().contains(user))
        .toList();
  }

  /** What the JavaScript SDK's batch sender posts: {@code data_list} of gzipped JSON, base64. */
  private HttpResponse<String> postSensorsBatch(String project, String records) {
    return postSensorsBatch(project, records, "127.0.0.1");
  }

  private HttpResponse<String> postSensorsBatch(String project, String records, String from) {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write(records.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String form =
        "data_list="
            + URLEncoder.encode(
                Base64.getEncoder().encodeToString(gzipped.toByteArray()), StandardCharsets.UTF_8)
            + "&gzip=1";
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/sa?project=" + project))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("X-Forwarded-For", from)
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sendsEachProfileRecordTypeToTheProfilesTopicKeyedByUser() {
    String user = "profile-" + UUID.randomUUID();
    long now = Instant.now().toEpochMilli();
    String batch =
        Stream.of(
                "{\"type\":\"profile_set\",\"properties\":{\"city\":\"上海\"}",
                "{\"type\":\"profile_set_once\",\"properties\":{\"first_channel\":\"ads\"}",
                "{\"type\":\"profile_increment\",\"properties\":{\"logins\":1}",
                "{\"type\":\"profile_append\",\"properties\":{\"products\":[\"p-1\"]}",
                "{\"type\":\"profile_unset\",\"properties\":{\"city\":true}",
                "{\"type\":\"profile_delete\",\"properties\":{}",
                "{\"type\":\"profile_increment\",\"properties\":{\"logins\":\"one\"}")
            .map(record -> record + ",\"distinct_id\":\"%s\",\"time\":%d}".formatted(user, now))
            .collect(Collectors.joining(",", "[", "]"));

    HttpResponse<String> answer = postSensorsBatch("demo", batch);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.get("accepted").asInt()).isEqualTo(6);
    assertThat(body.get("results").get(6).get("reasons").get(0).get("code").asString())
        .isEqualTo("TYPE_MISMATCH");
    List<ConsumerRecord<String, String>> sent =
        TopicContents.records(bootstrapServers, PROFILES).stream()
            .filter(record -> record.key().equals("demo:" + user))
            .toList();
    assertThat(sent)
        .extracting(record -> eventJson.readProfileUpdate(record.value()).operation())
        .containsExactlyInAnyOrder(ProfileOperation.values());
    assertThat(eventsOf(user)).isEmpty();
    assertThat(quarantinedOf(user)).hasSize(1);
  }

  @Test
  void sendsItemSetsAndDeletesToTheItemsTopicKeyedByItem() {
    String itemId = "p-" + UUID.randomUUID();
    long now = Instant.now().toEpochMilli();
    String batch =
        """
        [{"type":"item_set","item_type":"product","item_id":"%1$s","time":%2$d,"_track_id":7,
          "lib":{"$lib":"js"},"properties":{"name":"稳盈-90天","rate":4.5}},
         {"type":"item_delete","item_type":"product","item_id":"%1$s","time":%3$d,
          "properties":{}},
         {"type":"item_set","item_type":"product","item_id":"%1$s","time":%2$d,
          "properties":{"bad":{"nested":1}}}]
        """
            .formatted(itemId, now, now + 1);

    HttpResponse<String> answer = postSensorsBatch("demo", batch);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.get("accepted").asInt()).isEqualTo(2);
    assertThat(body.get("quarantined").asInt()).isEqualTo(1);
    List<ItemUpdate> sent =
        TopicContents.records(bootstrapServers, ITEMS).stream()
            .filter(record -> record.key().equals("demo:product:" + itemId))
            .map(record -> eventJson.readItemUpdate(record.value()))
            .toList();
    assertThat(sent)
        .extracting(ItemUpdate::operation)
        .containsExactly(ItemOperation.SET, ItemOperation.DELETE);
    assertThat(sent.getFirst().properties())
        .isEqualTo(Map.of("name", "稳盈-90天", "rate", new java.math.BigDecimal("4.5")));
  }

  @Test
  void aRetriedSensorsBatchIsAcknowledgedAgainButStoredOnce() {
    String user = "retry-" + UUID.randomUUID();
    Instant now = Instant.now();
    String batch = "[" + invest(user, 1001, now) + "," + invest(user, 1002, now) + "]";

    HttpResponse<String> first = postSensorsBatch("demo", batch);
    HttpResponse<String> retry = postSensorsBatch("demo", batch);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    JsonNode firstAnswer = json.readTree(first.body());
    JsonNode retryAnswer = json.readTree(retry.body());
    assertThat(firstAnswer.get("accepted").asInt()).isEqualTo(2);
    assertThat(retryAnswer.get("accepted").asInt()).isZero();
    assertThat(retryAnswer.get("duplicate").asInt()).isEqualTo(2);
    for (int index = 0; index < 2; index++) {
      JsonNode result = retryAnswer.get("results").get(index);
      assertThat(result.get("status").asString()).isEqualTo("duplicate");
      assertThat(result.get("insert_id").asString())
          .isEqualTo(firstAnswer.get("results").get(index).get("insert_id").asString());
    }
    assertThat(eventsOf(user))
        .extracting(TrackedEvent::trackId)
        .containsExactlyInAnyOrder(1001L, 1002L);
  }

  @Test
  void theNativeApiDeduplicatesTooAndKeepsUsersApart() {
    String user = "native-" + UUID.randomUUID();
    String other = "native-" + UUID.randomUUID();
    Instant now = Instant.now();

    JsonHttp.Response first = http.post("/api/v1/events?project=demo", invest(user, 7, now));
    JsonHttp.Response again =
        http.post(
            "/api/v1/events?project=demo",
            "[" + invest(user, 7, now) + "," + invest(other, 7, now) + "]");

    assertThat(first.body().get("accepted").asInt()).as(first.body().toString()).isEqualTo(1);
    assertThat(again.body().get("results").get(0).get("status").asString()).isEqualTo("duplicate");
    assertThat(again.body().get("results").get(1).get("status").asString()).isEqualTo("accepted");
    assertThat(eventsOf(user)).hasSize(1);
    assertThat(eventsOf(other)).hasSize(1);
  }

  @Test
  void eventTimesOutOfTheProjectsRangeAreQuarantined() {
    String user = "time-" + UUID.randomUUID();
    Instant now = Instant.now();
    String batch =
        "["
            + invest(user, 1, now.minus(Duration.ofDays(400)))
            + ","
            + invest(user, 2, now.plus(Duration.ofHours(1)))
            + ","
            + invest(user, 3, now.minus(Duration.ofDays(30)))
            + "]";

    JsonNode demo = json.readTree(postSensorsBatch("demo", batch).body());
    JsonNode archive = json.readTree(postSensorsBatch("archive", batch).body());

    assertThat(demo.get("results"))
        .extracting(result -> result.get("status").asString())
        .containsExactly("quarantined", "quarantined", "accepted");
    assertThat(demo.get("results").get(0).get("reasons").get(0).get("code").asString())
        .isEqualTo("TIME_OUT_OF_RANGE");
    // The archive project takes ten years of history; the future is out for everyone.
    assertThat(archive.get("results"))
        .extracting(result -> result.get("status").asString())
        .containsExactly("accepted", "quarantined", "accepted");
    assertThat(quarantinedOf(user))
        .hasSize(3)
        .allSatisfy(record ->
            assertThat(record.reasons().getFirst().code().name()).isEqualTo("TIME_OUT_OF_RANGE"));
  }

  @Test
  void aProjectPastItsRecordRateGets429WithRetryAfterAndNothingIsStored() {
    String user = "rate-" + UUID.randomUUID();
    Instant now = Instant.now();
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 8; i++) {
      batch.append(i == 0 ? "" : ",").append(invest(user, i, now));
    }
    String records = batch.append("]").toString();

    HttpResponse<String> first = postSensorsBatch("limited", records);
    HttpResponse<String> second = postSensorsBatch("limited", records.replace(user, user + "-2"));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
    assertThat(second.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = json.readTree(second.body());
    assertThat(problem.get("type").asString())
        .isEqualTo("https://sextant.dev/problems/rate-limited");
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("detail").asString())
        .isEqualTo("more than 5 records per second for project 'limited'");
    assertThat(eventsOf(user)).hasSize(8);
    assertThat(eventsOf(user + "-2")).isEmpty();
    // Other projects are not held back.
    assertThat(postSensorsBatch("demo", records.replace(user, user + "-3")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aClientPastItsRequestRateGets429OnTheSdkEndpoints() throws Exception {
    String address = "198.51.100.7";
    int refused = 0;
    String retryAfter = null;
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> beacon =
          client.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/sa.gif?project=demo&data=e30%3D"))
                  .header("X-Forwarded-For", address)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (beacon.statusCode() == 429) {
        refused++;
        retryAfter = beacon.headers().firstValue("Retry-After").orElseThrow();
      }
    }

    // A burst of 10 and one more a second: the 20 requests of well under 10 s cannot all pass.
    assertThat(refused).isBetween(1, 10);
    assertThat(retryAfter).isEqualTo("1");
    // Another client is not held back.
    String record = invest("client-" + UUID.randomUUID(), 1, Instant.now());
    assertThat(postSensorsBatch("demo", "[" + record + "]", "198.51.100.8").statusCode())
        .isEqualTo(200);
  }
}
