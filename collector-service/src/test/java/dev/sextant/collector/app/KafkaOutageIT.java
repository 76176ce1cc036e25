package dev.sextant.collector.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka goes away under load and comes back: requests during the outage are answered 503 with
 * {@code Retry-After}, and every event of every 200 answer is in Kafka afterwards. The broker is
 * this test's own (on a fixed port, so that it comes back where the producer looks for it), not the
 * shared one of {@code KafkaExtension}.
 */
class KafkaOutageIT {

  private static final String EVENTS = "outage-it.events";
  private static final String PLAN =
      """
      project: demo
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

  private final JsonMapper json = JsonMapper.builder().build();
  private final EventJson eventJson = new EventJson();

  /** One answer: its status, its Retry-After header, and the insert ids it acknowledged. */
  private record Answer(int status, String retryAfter, List<String> insertIds) {}

  @Test
  void noAcknowledgedEventIsLostWhenTheBrokerStopsAndComesBack() throws Exception {
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
    kafka.kafkaPorts(freePort());
    kafka.brokerProperties(Map.of("auto.create.topics.enable", "true"));
    kafka.afterPropertiesSet();
    try (ConfigurableApplicationContext collector =
            CollectorApplication.application()
                .run(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                    "--sextant.kafka.events-topic=" + EVENTS,
                    "--sextant.kafka.quarantine-topic=outage-it.quarantine",
                    "--sextant.kafka.send-timeout=3s");
        HttpClient http = HttpClient.newHttpClient()) {
      collector
          .getBean(PlanStorage.class)
          .save(new PlanRevision(PlanDocuments.fromYaml(PLAN), "it", List.of()));
      URI events =
          URI.create(
              "http://127.0.0.1:"
                  + collector.getEnvironment().getRequiredProperty("local.server.port")
                  + "/api/v1/events?project=demo");
      ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
      AtomicBoolean sending = new AtomicBoolean(true);
      AtomicInteger sequence = new AtomicInteger();
      List<Thread> senders = new ArrayList<>();
      for (int client = 0; client < 4; client++) {
        senders.add(
            Thread.ofVirtual()
                .start(() -> {
                  while (sending.get()) {
                    answers.add(post(http, events, sequence.incrementAndGet()));
                  }
                }));
      }

      BrokerServer broker = kafka.getCluster().brokers().values().iterator().next();
      awaitAnAcknowledgement(answers, 0);
      Thread.sleep(1_000);
      broker.shutdown();
      broker.awaitShutdown();
      int beforeOutage = answers.size();
      Thread.sleep(8_000);
      broker.startup();
      // Let the producer find the broker again and some requests succeed.
      int afterRestart = answers.size();
      awaitAnAcknowledgement(answers, afterRestart);
      Thread.sleep(2_000);
      sending.set(false);
      for (Thread sender : senders) {
        sender.join();
      }

      List<Answer> all = List.copyOf(answers);
      assertThat(all).extracting(Answer::status).containsOnly(200, 503);
      assertThat(all.subList(0, beforeOutage)).extracting(Answer::status).contains(200);
      assertThat(all.subList(beforeOutage, all.size()))
          .as("requests while the broker is away")
          .anySatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.retryAfter()).isEqualTo("5");
          });
      assertThat(all.subList(afterRestart, all.size()))
          .as("requests after the broker came back")
          .extracting(Answer::status)
          .contains(200);

      Set<String> acknowledged =
          all.stream()
              .filter(answer -> answer.status() == 200)
              .flatMap(answer -> answer.insertIds().stream())
              .collect(Collectors.toSet());
      Set<String> inKafka =
          TopicContents.values(kafka.getBrokersAsString(), EVENTS).stream()
              .map(eventJson::readEvent)
              .map(TrackedEvent::insertId)
              .collect(Collectors.toSet());
      assertThat(acknowledged).isNotEmpty();
      assertThat(inKafka).containsAll(acknowledged);
    } finally {
      kafka.destroy();
    }
  }

  /** Waits (at most a minute) until an answer after the first {@code earlier} ones is a 200. */
  private static void awaitAnAcknowledgement(ConcurrentLinkedQueue<Answer> answers, int earlier)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (answers.stream().skip(earlier).noneMatch(answer -> answer.status() == 200)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Posts a batch of five records; never throws, so a refused connection counts as an answer. */
  private Answer post(HttpClient http, URI events, int batch) {
    StringBuilder records = new StringBuilder("[");
    for (int i = 0; i < 5; i++) {
      records
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"type":"track","event":"P2P_Invest","distinct_id":"u-%d-%d","time":%d,\
              "properties":{"amount":%d}}\
              """
                  .formatted(batch, i, System.currentTimeMillis(), i));
    }
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(events)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(records.append("]").toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      List<String> insertIds = new ArrayList<>();
      if (response.statusCode() == 200) {
        for (JsonNode result : json.readTree(response.body()).get("results")) {
          insertIds.add(result.get("insert_id").asString());
        }
      }
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          insertIds);
    } catch (IOException e) {
      return new Answer(-1, null, List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, null, List.of());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
