package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.EventProperty;
import dev.sextant.registry.plan.ProjectSettings;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.plan.UnknownDataPolicy;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.registry.validation.DraftProperty;
import dev.sextant.registry.validation.DraftRegistration;
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
  private final List<String> calls = new ArrayList<>();
  private final RecordingPublisher publisher = new RecordingPublisher(calls);
  private final RecordingDrafts drafts = new RecordingDrafts(calls);
  private final AtomicInteger ids = new AtomicInteger();
  private final EventIngestion ingestion =
      new EventIngestion(
          plans,
          publisher,
          drafts,
          Clock.fixed(NOW, ZoneOffset.UTC),
          () -> "id-" + ids.incrementAndGet());

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
  void acceptsASignupAsAnEventThatCarriesTheAnonymousIdItLinks() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            records(
                "{\"type\":\"track_signup\",\"event\":\"$SignUp\",\"distinct_id\":\"login-1\","
                    + "\"original_id\":\"anon-1\",\"time\":1000}"));

    assertThat(outcomes).containsExactly(new RecordOutcome.Accepted(0, "id-1"));
    assertThat(publisher.accepted)
        .containsExactly(
            new TrackedEvent(
                "demo",
                "$SignUp",
                "login-1",
                Instant.ofEpochMilli(1000),
                "id-1",
                null,
                Map.of(),
                NOW,
                "anon-1"));
  }

  @Test
  void quarantinesASignupWithoutAnOriginalIdSayingSo() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            records(
                "{\"type\":\"track_signup\",\"event\":\"$SignUp\",\"distinct_id\":\"login-1\","
                    + "\"time\":1000}"));

    assertThat(outcomes)
        .singleElement()
        .isInstanceOfSatisfying(
            RecordOutcome.Quarantined.class,
            q ->
                assertThat(q.reasons())
                    .extracting(QuarantineReason::code, QuarantineReason::path)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            QuarantineCode.MALFORMED_PAYLOAD, "original_id")));
    assertThat(publisher.accepted).isEmpty();
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

  @Test
  void checksWithoutPublishingAnything() {
    List<CheckedRecord> checked =
        ingestion.check(
            "demo",
            received(
                "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\",\"time\":1,\"properties\":{\"amount\":1}}",
                "{\"type\":\"track\",\"event\":\"Nope\",\"distinct_id\":\"u1\",\"time\":1,\"properties\":{\"amount\":\"x\"}}"),
            Enrichment.NONE,
            Source.SECRET_KEY);

    assertThat(checked.get(0).conforms()).isTrue();
    assertThat(checked.get(1).reasons())
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.UNKNOWN_EVENT, QuarantineCode.TYPE_MISMATCH);
    assertThat(publisher.calls).isZero();
    assertThat(ids.get()).isZero();
  }

  @Test
  void addsServerPropertiesOnlyWhereTheSdkSentNone() {
    Enrichment enrichment = new Enrichment(Map.of("$ip", "203.0.113.7", "$os", "Android"));

    ingestion.ingest(
        "demo",
        received(
            "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\",\"time\":1,\"properties\":{\"amount\":1,\"$os\":\"iOS\"}}"),
        enrichment);

    assertThat(publisher.accepted.getFirst().properties())
        .containsEntry("$ip", "203.0.113.7")
        .containsEntry("$os", "iOS")
        .containsEntry("amount", 1L);
  }

  @Test
  void keepsTheOriginalPayloadNotTheEnrichedOne() {
    String record = "{\"type\":\"track\",\"event\":\"Nope\",\"distinct_id\":\"u1\",\"time\":1}";

    ingestion.ingest("demo", received(record), new Enrichment(Map.of("$ip", "203.0.113.7")));

    assertThat(publisher.quarantined.getFirst().payload()).doesNotContain("203.0.113.7");
  }

  @Test
  void quarantinesAnOversizedRecordWithoutParsingIt() {
    JsonNode record = json.readTree("{\"type\":\"track\"}");

    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            List.of(new ReceivedRecord.Oversized(record, 900_000, 524_288)),
            Enrichment.NONE);

    assertThat(((RecordOutcome.Quarantined) outcomes.getFirst()).reasons())
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.PAYLOAD_TOO_LARGE);
    assertThat(publisher.quarantined.getFirst().payload()).isEqualTo(record.toString());
  }

  @Test
  void acceptsEachProfileRecordTypeAsAProfileUpdate() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            records(
                "{\"type\":\"profile_set\",\"distinct_id\":\"u1\",\"time\":1,"
                    + "\"properties\":{\"city\":\"上海\",\"$is_login_id\":true,\"vip\":false}}",
                "{\"type\":\"profile_set_once\",\"distinct_id\":\"u1\",\"time\":2,"
                    + "\"properties\":{\"$first_visit_time\":\"2026-11-01 08:00:00.000\"}}",
                "{\"type\":\"profile_increment\",\"distinct_id\":\"u1\",\"time\":3,"
                    + "\"properties\":{\"logins\":1,\"spent\":9.99}}",
                "{\"type\":\"profile_append\",\"distinct_id\":\"u1\",\"time\":4,"
                    + "\"properties\":{\"products\":[\"a\",\"a\"]}}",
                "{\"type\":\"profile_unset\",\"distinct_id\":\"u1\",\"time\":5,"
                    + "\"properties\":{\"city\":true}}",
                "{\"type\":\"profile_delete\",\"distinct_id\":\"u1\",\"time\":6,"
                    + "\"properties\":{}}"));

    assertThat(outcomes)
        .containsExactly(
            new RecordOutcome.Accepted(0, "id-1"),
            new RecordOutcome.Accepted(1, "id-2"),
            new RecordOutcome.Accepted(2, "id-3"),
            new RecordOutcome.Accepted(3, "id-4"),
            new RecordOutcome.Accepted(4, "id-5"),
            new RecordOutcome.Accepted(5, "id-6"));
    assertThat(publisher.profiles)
        .containsExactly(
            update(ProfileOperation.SET, 1, "id-1", Map.of("city", "上海", "vip", false)),
            update(
                ProfileOperation.SET_ONCE,
                2,
                "id-2",
                Map.of("$first_visit_time", "2026-11-01 08:00:00.000")),
            update(
                ProfileOperation.INCREMENT,
                3,
                "id-3",
                Map.of("logins", 1L, "spent", new java.math.BigDecimal("9.99"))),
            update(ProfileOperation.APPEND, 4, "id-4", Map.of("products", List.of("a", "a"))),
            update(ProfileOperation.UNSET, 5, "id-5", Map.of("city", true)),
            update(ProfileOperation.DELETE, 6, "id-6", Map.of()));
    assertThat(publisher.accepted).isEmpty();
    assertThat(publisher.quarantined).isEmpty();
    assertThat(publisher.calls).isEqualTo(1);
  }

  @Test
  void quarantinesProfileValuesItsOperationCannotApply() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            records(
                "{\"type\":\"profile_increment\",\"distinct_id\":\"u1\",\"time\":1,"
                    + "\"properties\":{\"logins\":\"1\"}}",
                "{\"type\":\"profile_append\",\"distinct_id\":\"u1\",\"time\":1,"
                    + "\"properties\":{\"products\":\"a\"}}",
                "{\"type\":\"profile_set\",\"distinct_id\":\"u1\",\"time\":1,"
                    + "\"properties\":{\"1bad name\":\"x\"}}",
                "{\"type\":\"profile_set\",\"distinct_id\":\"u1\",\"time\":1,"
                    + "\"properties\":{\"nested\":{\"a\":1}}}",
                "{\"type\":\"profile_set\",\"time\":1,\"properties\":{}}"));

    assertThat(outcomes)
        .extracting(outcome -> ((RecordOutcome.Quarantined) outcome).reasons().getFirst())
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(QuarantineCode.TYPE_MISMATCH, "properties.logins"),
            org.assertj.core.groups.Tuple.tuple(
                QuarantineCode.TYPE_MISMATCH, "properties.products"),
            org.assertj.core.groups.Tuple.tuple(
                QuarantineCode.UNKNOWN_PROPERTY, "properties.1bad name"),
            org.assertj.core.groups.Tuple.tuple(
                QuarantineCode.MALFORMED_PAYLOAD, "properties.nested"),
            org.assertj.core.groups.Tuple.tuple(QuarantineCode.MALFORMED_PAYLOAD, "distinct_id"));
    assertThat(publisher.profiles).isEmpty();
    assertThat(publisher.quarantined).hasSize(5);
  }

  @Test
  void aProfileUpdateRetriedWithTheSameTrackIdIsTakenOnce() {
    EventIngestion deduplicating =
        new EventIngestion(
            plans,
            publisher,
            drafts,
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "id-" + ids.incrementAndGet(),
            EventTimeRanges.UNBOUNDED,
            TrackIdWindow.of(
                java.time.Duration.ofMinutes(10), 1000, Clock.fixed(NOW, ZoneOffset.UTC)),
            project -> new byte[32]);
    String increment =
        "{\"type\":\"profile_increment\",\"distinct_id\":\"u1\",\"time\":1,"
            + "\"_track_id\":42,\"properties\":{\"logins\":1}}";

    deduplicating.ingest("demo", records(increment));
    List<RecordOutcome> retry = deduplicating.ingest("demo", records(increment));

    assertThat(retry).containsExactly(new RecordOutcome.Duplicate(0, "id-1"));
    assertThat(publisher.profiles).hasSize(1);
  }

  @Test
  void acceptsItemSetsAndDeletesAsItemUpdatesPublishedWithTheRequest() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            records(
                "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p-42\","
                    + "\"time\":1,\"properties\":{\"name\":\"稳盈-90天\",\"rate\":4.5,"
                    + "\"$update_time\":\"2026-11-01 08:00:00.000\"}}",
                "{\"type\":\"item_delete\",\"item_type\":\"product\",\"item_id\":\"p-42\","
                    + "\"time\":2}",
                "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u1\",\"time\":3,"
                    + "\"properties\":{\"amount\":500}}"));

    assertThat(outcomes)
        .containsExactly(
            new RecordOutcome.Accepted(0, "id-1"),
            new RecordOutcome.Accepted(1, "id-2"),
            new RecordOutcome.Accepted(2, "id-3"));
    assertThat(publisher.items)
        .containsExactly(
            new ItemUpdate(
                "demo",
                "product",
                "p-42",
                ItemOperation.SET,
                Map.of(
                    "name",
                    "稳盈-90天",
                    "rate",
                    new java.math.BigDecimal("4.5"),
                    "$update_time",
                    "2026-11-01 08:00:00.000"),
                Instant.ofEpochMilli(1),
                "id-1",
                NOW),
            new ItemUpdate(
                "demo",
                "product",
                "p-42",
                ItemOperation.DELETE,
                Map.of(),
                Instant.ofEpochMilli(2),
                "id-2",
                NOW));
    assertThat(publisher.accepted).hasSize(1);
    assertThat(publisher.profiles).isEmpty();
    assertThat(publisher.calls).isEqualTo(1);
  }

  @Test
  void quarantinesItemRecordsWithBadIdsOrPropertyNames() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            records(
                "{\"type\":\"item_set\",\"item_id\":\"p\",\"time\":1}",
                "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p\",\"time\":1,"
                    + "\"properties\":{\"1bad name\":\"x\"}}",
                "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p\",\"time\":1,"
                    + "\"properties\":{\"event\":\"x\"}}"));

    assertThat(outcomes)
        .extracting(outcome -> ((RecordOutcome.Quarantined) outcome).reasons().getFirst())
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(QuarantineCode.MALFORMED_PAYLOAD, "item_type"),
            org.assertj.core.groups.Tuple.tuple(
                QuarantineCode.UNKNOWN_PROPERTY, "properties.1bad name"),
            org.assertj.core.groups.Tuple.tuple(
                QuarantineCode.UNKNOWN_PROPERTY, "properties.event"));
    assertThat(publisher.items).isEmpty();
    assertThat(publisher.quarantined).hasSize(3);
  }

  @Test
  void anItemTimeFarFromReceptionIsQuarantined() {
    EventIngestion bounded =
        new EventIngestion(
            plans,
            publisher,
            drafts,
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "id-" + ids.incrementAndGet(),
            new EventTimeRanges(
                new EventTimeRange(java.time.Duration.ofDays(1), java.time.Duration.ofMinutes(10)),
                Map.of()),
            TrackIdWindow.DISABLED,
            project -> new byte[32]);

    List<RecordOutcome> outcomes =
        bounded.ingest(
            "demo",
            records(
                "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p\",\"time\":1}"));

    assertThat(((RecordOutcome.Quarantined) outcomes.getFirst()).reasons())
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.TIME_OUT_OF_RANGE);
    assertThat(publisher.items).isEmpty();
  }

  @Test
  void anItemUpdateRetriedWithTheSameTrackIdIsTakenOnceAndNeverMistakenForAUsers() {
    EventIngestion deduplicating =
        new EventIngestion(
            plans,
            publisher,
            drafts,
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "id-" + ids.incrementAndGet(),
            EventTimeRanges.UNBOUNDED,
            TrackIdWindow.of(
                java.time.Duration.ofMinutes(10), 1000, Clock.fixed(NOW, ZoneOffset.UTC)),
            project -> new byte[32]);
    String set =
        "{\"type\":\"item_set\",\"item_type\":\"product\",\"item_id\":\"p-42\",\"time\":1,"
            + "\"_track_id\":42,\"properties\":{\"rate\":4}}";
    String otherItem = set.replace("p-42", "p-43");
    // A user whose distinct id is the item id, with the same _track_id: another record.
    String user =
        "{\"type\":\"profile_set\",\"distinct_id\":\"p-42\",\"time\":1,"
            + "\"_track_id\":42,\"properties\":{\"rate\":4}}";

    deduplicating.ingest("demo", records(set));
    List<RecordOutcome> retry = deduplicating.ingest("demo", records(set, otherItem, user));

    assertThat(retry)
        .containsExactly(
            new RecordOutcome.Duplicate(0, "id-1"),
            new RecordOutcome.Accepted(1, "id-2"),
            new RecordOutcome.Accepted(2, "id-3"));
    assertThat(publisher.items).hasSize(2);
    assertThat(publisher.profiles).hasSize(1);
  }

  private static ProfileUpdate update(
      ProfileOperation operation, long millis, String insertId, Map<String, Object> properties) {
    return new ProfileUpdate(
        "demo", "u1", operation, properties, Instant.ofEpochMilli(millis), insertId, NOW);
  }

  private List<ReceivedRecord> received(String... records) {
    return records(records).stream().<ReceivedRecord>map(ReceivedRecord.Readable::new).toList();
  }

  @Test
  void registersWhatAPermissiveProjectsRecordsBringBeforePublishingThem() {
    TrackingPlan strict = plans.find("demo").orElseThrow();
    plans.save(
        new TrackingPlan(
            "demo",
            strict.version(),
            new ProjectSettings(UnknownDataPolicy.PERMISSIVE, null),
            List.of(),
            strict.events(),
            strict.properties()));
    String withNewProperty =
        "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u\",\"time\":1,"
            + "\"properties\":{\"amount\":1,\"campaign\":\"double-11\"}}";

    List<RecordOutcome> outcomes =
        ingestion.ingest("demo", records(withNewProperty, withNewProperty));

    assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
    assertThat(drafts.registered)
        .as("identical drafts of one request are registered once")
        .singleElement()
        .satisfies(registration ->
            assertThat(registration.properties())
                .singleElement()
                .isEqualTo(new DraftProperty("campaign", PropertyType.STRING, true)));
    assertThat(calls).containsExactly("register drafts", "publish");
  }

  @Test
  void aStrictProjectRegistersNothing() {
    ingestion.ingest(
        "demo",
        records(
            "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u\",\"time\":1,"
                + "\"properties\":{\"amount\":1,\"campaign\":\"x\"}}"));

    assertThat(drafts.registered).isEmpty();
    assertThat(publisher.quarantined).hasSize(1);
  }

  /** A hand-written fake of the plan storage. */
  private static final class InMemoryPlans implements PlanStorage {
    private final Map<String, TrackingPlan> plans = new HashMap<>();

    @Override
    public Optional<TrackingPlan> find(String project) {
      return Optional.ofNullable(plans.get(project));
    }

    /** Stores the next version, as the registry's editor would. */
    TrackingPlan save(TrackingPlan plan) {
      TrackingPlan saved = plan.withVersion(plan.version() + 1);
      plans.put(plan.project(), saved);
      return saved;
    }

    @Override
    public Optional<TrackingPlan> find(String project, long version) {
      return find(project).filter(plan -> plan.version() == version);
    }

    @Override
    public List<dev.sextant.registry.history.PlanVersion> history(String project, int limit) {
      return List.of();
    }

    @Override
    public dev.sextant.registry.history.PlanVersion save(
        dev.sextant.registry.storage.PlanRevision revision) {
      TrackingPlan saved = save(revision.plan());
      return new dev.sextant.registry.history.PlanVersion(
          saved.project(), saved.version(), revision.author(), NOW, revision.changes());
    }
  }

  /** Records the drafts the collector registered. */
  private static final class RecordingDrafts implements DraftRegistrar {
    final List<DraftRegistration> registered = new ArrayList<>();
    private final List<String> calls;

    RecordingDrafts(List<String> calls) {
      this.calls = calls;
    }

    @Override
    public void register(String project, List<DraftRegistration> drafts) {
      calls.add("register drafts");
      registered.addAll(drafts);
    }
  }

  /** Records what the collector published. */
  private static final class RecordingPublisher implements EventPublisher {
    final List<TrackedEvent> accepted = new ArrayList<>();
    final List<ProfileUpdate> profiles = new ArrayList<>();
    final List<ItemUpdate> items = new ArrayList<>();
    final List<QuarantinedRecord> quarantined = new ArrayList<>();
    private final List<String> log;
    int calls;

    RecordingPublisher(List<String> log) {
      this.log = log;
    }

    @Override
    public void publish(
        List<TrackedEvent> events,
        List<ProfileUpdate> updates,
        List<ItemUpdate> itemUpdates,
        List<QuarantinedRecord> records) {
      calls++;
      log.add("publish");
      accepted.addAll(events);
      profiles.addAll(updates);
      items.addAll(itemUpdates);
      quarantined.addAll(records);
    }
  }
}
