package dev.sextant.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.EventQueries;
import dev.sextant.testsupport.http.JsonHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Many clients posting at once to the all-in-one server: their requests share DuckDB transactions
 * (the group commit), and every record the server acknowledged is stored exactly once, accepted
 * events in the project's table and quarantined records in the quarantine.
 */
class EmbeddedGroupCommitIT {

  private static final int POSTERS = 16;
  private static final int REQUESTS_EACH = 8;
  private static final int EVENTS_PER_REQUEST = 24;

  @TempDir Path dataDir;

  @Test
  void storesEveryAcknowledgedRecordOfConcurrentRequestsExactlyOnce() throws Exception {
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Set<String> quarantined = ConcurrentHashMap.newKeySet();
    try (TestServer server =
            TestServer.start(
                dataDir,
                "--sextant.demo.enabled=false",
                "--sextant.collector.rate-limit.project-records-per-second=0",
                "--sextant.collector.embedded.max-group-delay=2ms");
        ExecutorService posters = Executors.newVirtualThreadPerTaskExecutor()) {
      JsonHttp.Response plan =
          server
              .admin()
              .put(
                  "/api/v1/projects/lab/plan",
                  """
                  {"project":"lab","version":0,"events":[{"name":"Launch"}]}
                  """);
      assertThat(plan.status()).as(plan.body().toString()).isEqualTo(200);

      List<Future<?>> running = new ArrayList<>();
      for (int poster = 0; poster < POSTERS; poster++) {
        int client = poster;
        running.add(
            posters.submit(() -> {
              JsonHttp http = server.anonymous();
              for (int request = 0; request < REQUESTS_EACH; request++) {
                JsonHttp.Response answer =
                    http.post("/api/v1/events?project=lab", batch(client, request));
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
                collect(answer.body(), accepted, quarantined);
              }
              return null;
            }));
      }
      for (Future<?> poster : running) {
        poster.get();
      }

      assertThat(accepted).hasSize(POSTERS * REQUESTS_EACH * EVENTS_PER_REQUEST);
      assertThat(quarantined).hasSize(POSTERS * REQUESTS_EACH);
      EventQueries store = server.context().getBean(EventQueries.class);
      assertThat(storedOnce(store, "SELECT insert_id FROM events_lab"))
          .containsExactlyInAnyOrderElementsOf(accepted);
      assertThat(storedOnce(store, "SELECT quarantine_id FROM quarantine WHERE project = 'lab'"))
          .containsExactlyInAnyOrderElementsOf(quarantined);
      MeterRegistry meters = server.context().getBean(MeterRegistry.class);
      assertThat(meters.get("sextant.collector.embedded.group.requests").summary().totalAmount())
          .as("every request was answered by a group's transaction")
          .isEqualTo(POSTERS * REQUESTS_EACH);
    }
  }

  /** {@link #EVENTS_PER_REQUEST} events the plan knows, and one it does not (quarantined). */
  private static String batch(int client, int request) {
    long now = System.currentTimeMillis();
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
      json.append(
          """
          {"type":"track","event":"Launch","distinct_id":"u-%d-%d","time":%d,\
          "properties":{"$os":"iOS"}},\
          """
              .formatted(client, request, now));
    }
    json.append(
        """
        {"type":"track","event":"Unplanned","distinct_id":"u-%d","time":%d}]\
        """
            .formatted(client, now));
    return json.toString();
  }

  private static void collect(JsonNode answer, Set<String> accepted, Set<String> quarantined) {
    for (JsonNode result : answer.get("results")) {
      switch (result.get("status").asString()) {
        case "accepted" -> accepted.add(result.get("insert_id").asString());
        case "quarantined" -> quarantined.add(result.get("quarantine_id").asString());
        default -> throw new AssertionError("unexpected result " + result);
      }
    }
  }

  private static Set<String> storedOnce(EventQueries store, String sql) {
    List<String> all =
        store.select(sql, Duration.ofSeconds(30)).rows().stream()
            .map(row -> (String) row.getFirst())
            .toList();
    Set<String> distinct = new HashSet<>(all);
    assertThat(all).as("each stored once").hasSameSizeAs(distinct);
    return distinct;
  }
}
