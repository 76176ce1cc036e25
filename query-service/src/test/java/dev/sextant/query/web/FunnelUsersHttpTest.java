package dev.sextant.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.engine.AnalysisEngine;
import dev.sextant.query.engine.AnalysisService;
import dev.sextant.query.segments.Campaign;
import dev.sextant.query.segments.SavedSegment;
import dev.sextant.query.segments.SegmentService;
import dev.sextant.query.segments.SegmentStorage;
import dev.sextant.query.segments.Snapshot;
import dev.sextant.query.sql.DuckDbDialect;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.security.access.ConsoleActors;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.duckdb.DuckDbEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funnel drill-down's endpoints over HTTP (the controller, its problem advice and a real
 * in-memory DuckDB): the JSON page, the streamed CSV, and problem JSON for a refused request, also
 * when CSV was asked for.
 */
class FunnelUsersHttpTest {

  private static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private final DuckDbEventStore store = DuckDbEventStore.inMemory();
  private final MockMvc http;

  FunnelUsersHttpTest() {
    store.createSchema();
    // u1 views and registers; u2 and "a,b" only view.
    store.append(
        List.of(
            event("View", "u1", "2026-11-02T02:00:00Z"),
            event("Register", "u1", "2026-11-02T03:00:00Z"),
            event("View", "u2", "2026-11-02T02:00:00Z"),
            event("View", "a,b", "2026-11-02T02:00:00Z")),
        (project, property) -> Optional.of(ColumnType.STRING));
    PropertyTypes noPlan = (project, property) -> Optional.empty();
    AnalysisEngine engine = new AnalysisEngine(store, new DuckDbDialect(), noPlan);
    AnalysisService analyses =
        new AnalysisService(engine, store, new SimpleMeterRegistry(), Duration.ofSeconds(30), 10);
    SegmentService segments =
        new SegmentService(
            engine, store, new NoSavedSegments(), Clock.systemUTC(), Duration.ofSeconds(30));
    AnalystScopes everyone =
        new AnalystScopes(
            new DefaultListableBeanFactory().getBeanProvider(ConsoleActors.class), NO_PLANS);
    http =
        MockMvcBuilders.standaloneSetup(
                new AnalysisController(analyses, NO_PLANS, segments, everyone))
            .setControllerAdvice(new QueryProblems())
            .setMessageConverters(
                new StringHttpMessageConverter(StandardCharsets.UTF_8),
                new JacksonJsonHttpMessageConverter(JSON))
            .build();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static TrackedEvent event(String name, String user, String time) {
    Instant at = Instant.parse(time);
    return new TrackedEvent("demo", name, user, at, name + "-" + user, null, Map.of(), at);
  }

  private static String request(String extra) {
    return """
    {"steps": [{"events": ["View"]}, {"events": ["Register"]}], "window_seconds": 86400,
     "from": "2026-11-01", "to": "2026-11-07" %s}
    """
        .formatted(extra);
  }

  private MockHttpServletResponse send(String path, String body) throws Exception {
    return http.perform(
            post("/api/v1/projects/demo/analyses/funnels/" + path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn()
        .getResponse();
  }

  @Test
  void answersAPageOfTheUsersWhoDroppedAtAStepWithTheCursorAndTheTotal() throws Exception {
    MockHttpServletResponse first =
        send("users", request(", \"step\": 2, \"outcome\": \"dropped\", \"limit\": 1"));
    assertThat(first.getStatus()).isEqualTo(200);
    JsonNode page = JSON.readTree(first.getContentAsString(StandardCharsets.UTF_8));
    assertThat(page.get("users").toString()).isEqualTo("[\"a,b\"]");
    assertThat(page.get("next_after").asString()).isEqualTo("a,b");
    assertThat(page.get("total").asLong()).isEqualTo(2);

    JsonNode last =
        JSON.readTree(
            send(
                    "users",
                    request(
                        ", \"step\": 2, \"outcome\": \"dropped\", \"limit\": 1, \"after\": \"a,b\""))
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(last.get("users").toString()).isEqualTo("[\"u2\"]");
    assertThat(last.get("next_after").isNull()).isTrue();
  }

  @Test
  void streamsTheWholeListAsCsvWithAHeader() throws Exception {
    MockHttpServletResponse csv = send("users.csv", request(", \"step\": 1"));
    assertThat(csv.getStatus()).isEqualTo(200);
    assertThat(csv.getContentType()).startsWith("text/csv");
    assertThat(csv.getHeader("Content-Disposition")).contains("funnel-users.csv");
    assertThat(csv.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("user_id\r\n\"a,b\"\r\nu1\r\nu2\r\n");
  }

  @Test
  void refusesABadStepWithProblemJsonAlsoWhenCsvWasAskedFor() throws Exception {
    for (String path : List.of("users", "users.csv")) {
      MockHttpServletResponse refused = send(path, request(", \"step\": 3"));
      assertThat(refused.getStatus()).as(path).isEqualTo(400);
      assertThat(refused.getContentType()).as(path).startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
      assertThat(problem.get("detail").asString()).startsWith("step: must be 1 to 2");
      assertThat(problem.get("type").asString())
          .isEqualTo("https://sextant.dev/problems/invalid-query");
    }
  }

  private static final PlanStorage NO_PLANS =
      new PlanStorage() {
        @Override
        public Optional<TrackingPlan> find(String project) {
          return Optional.empty();
        }

        @Override
        public Optional<TrackingPlan> find(String project, long version) {
          return Optional.empty();
        }

        @Override
        public List<PlanVersion> history(String project, int limit) {
          return List.of();
        }

        @Override
        public PlanVersion save(PlanRevision revision) {
          throw new UnsupportedOperationException("read-only in this test");
        }
      };

  /** These requests name no saved segment, snapshot or campaign. */
  private static final class NoSavedSegments implements SegmentStorage {
    @Override
    public void save(String project, SavedSegment segment) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<SavedSegment> find(String project, String id) {
      return Optional.empty();
    }

    @Override
    public List<SavedSegment> list(String project) {
      return List.of();
    }

    @Override
    public List<Scheduled> scheduled() {
      return List.of();
    }

    @Override
    public boolean delete(String project, String id) {
      return false;
    }

    @Override
    public void save(String project, Snapshot snapshot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Snapshot> findSnapshot(String project, String segmentId, String id) {
      return Optional.empty();
    }

    @Override
    public List<Snapshot> snapshots(String project, String segmentId) {
      return List.of();
    }

    @Override
    public void save(String project, Campaign campaign) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Campaign> findCampaign(String project, String id) {
      return Optional.empty();
    }

    @Override
    public List<Campaign> campaigns(String project) {
      return List.of();
    }
  }
}
