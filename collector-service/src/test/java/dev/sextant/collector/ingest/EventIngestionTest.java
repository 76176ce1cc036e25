package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.EventProperty;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventIngestionTest {

  private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

  private final JsonMapper json = JsonMapper.builder().build();
  private final InMemoryPlans plans = new InMemoryPlans();
  private final RecordingPublisher publisher = new RecordingPublisher();
  private final AtomicInteger ids = new AtomicInteger();
  private final EventIngestion ingestion =
      new EventIngestion(
          plans, publisher, Clock.fixed(NOW, ZoneOffset.UTC), () -> "id-" + ids.incrementAndGet());

  EventIngestionTest() {
    plans.save(
        new TrackingPlan(
            "demo",
            0,
            List.of(
                new EventDefinition(
                    "P2P_Invest", "投资", List.of(new EventProperty("amount", true)))),
            List.of(new PropertyDefinition("amount", "金额", PropertyType.NUMBER))));
  }

  private List<JsonNode> records(String... records) {
    return java.util.Arrays.stream(records).map(json::readTree).toList();
  }

  @Test
  void acceptsAValidRecordAndPublishesItOnce() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            records(
                "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\",\"time\":1000,\"properties\":{\"amount\":500}}"));

    assertThat(outcomes).containsExactly(new RecordOutcome.Accepted(0, "id-1"));
    assertThat(publisher.accepted)
        .containsExactly(
            new TrackedEvent(
                "demo",
                "P2P_Invest",
                "u1",
                Instant.ofEpochMilli(1000),
                "id-1",
                null,
                Map.of("amount", 500L),
                NOW));
    assertThat(publisher.quarantined).isEmpty();
    assertThat(publisher.calls).isEqualTo(1);
  }

  @Test
  void oneRecordInGivesExactlyOneOutcomeOutInRequestOrder() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            records(
                "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\",\"time\":1,\"properties\":{\"amount\":\"x\"}}",
                "\"a JSON string, not an object\"",
                "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\",\"time\":2,\"properties\":{\"amount\":1}}"));

    assertThat(outcomes).extracting(RecordOutcome::index).containsExactly(0, 1, 2);
    assertThat(outcomes.get(0)).isInstanceOf(RecordOutcome.Quarantined.class);
    assertThat(outcomes.get(1)).isInstanceOf(RecordOutcome.Quarantined.class);
    assertThat(outcomes.get(2)).isInstanceOf(RecordOutcome.Accepted.class);
    assertThat(publisher.accepted).hasSize(1);
    assertThat(publisher.quarantined).hasSize(2);
    assertThat(publisher.calls).isEqualTo(1);
  }

  @Test
  void quarantinesWithTheReasonAndTheOriginalPayload() {
    String record =
        "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\",\"time\":1,\"properties\":{\"amount\":\"x\"}}";

    ingestion.ingest("demo", records(record));

    QuarantinedRecord quarantined = publisher.quarantined.getFirst();
    assertThat(quarantined.project()).isEqualTo("demo");
    assertThat(quarantined.receivedAt()).isEqualTo(NOW);
    assertThat(json.readTree(quarantined.payload())).isEqualTo(json.readTree(record));
    assertThat(quarantined.reasons())
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.TYPE_MISMATCH);
  }

  @Test
  void quarantinesEverythingSentToAProjectWithoutAPlan() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "nobody",
            records("{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1}"));

    assertThat(outcomes)
        .singleElement()
        .isInstanceOfSatisfying(
            RecordOutcome.Quarantined.class,
            q ->
                assertThat(q.reasons())
                    .extracting(QuarantineReason::code)
                    .containsExactly(QuarantineCode.UNKNOWN_PROJECT));
  }

  @Test
  void usesTheNewPlanAsSoonAsItsVersionChanges() {
    String withdraw =
        "{\"type\":\"track\",\"event\":\"P2P_Withdraw\",\"distinct_id\":\"u\",\"time\":1}";
    assertThat(ingestion.ingest("demo", records(withdraw)).getFirst())
        .isInstanceOf(RecordOutcome.Quarantined.class);

    TrackingPlan current = plans.find("demo").orElseThrow();
    List<EventDefinition> events = new ArrayList<>(current.events());
    events.add(new EventDefinition("P2P_Withdraw", null, List.of()));
    plans.save(new TrackingPlan("demo", current.version(), events, current.properties()));

    assertThat(ingestion.ingest("demo", records(withdraw)).getFirst())
        .isInstanceOf(RecordOutcome.Accepted.class);
  }

  /** A hand-written fake of the plan storage. */
  private static final class InMemoryPlans implements PlanStorage {
    private final Map<String, TrackingPlan> plans = new HashMap<>();

    @Override
    public Optional<TrackingPlan> find(String project) {
      return Optional.ofNullable(plans.get(project));
    }

    @Override
    public TrackingPlan save(TrackingPlan plan) {
      TrackingPlan saved = plan.withVersion(plan.version() + 1);
      plans.put(plan.project(), saved);
      return saved;
    }
  }

  /** Records what the collector published. */
  private static final class RecordingPublisher implements EventPublisher {
    final List<TrackedEvent> accepted = new ArrayList<>();
    final List<QuarantinedRecord> quarantined = new ArrayList<>();
    int calls;

    @Override
    public void publish(List<TrackedEvent> events, List<QuarantinedRecord> records) {
      calls++;
      accepted.addAll(events);
      quarantined.addAll(records);
    }
  }
}
