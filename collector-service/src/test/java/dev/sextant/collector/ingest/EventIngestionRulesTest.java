package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sextant.collector.pii.KeyedHash;
import dev.sextant.collector.pii.PiiProtection;
import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.CollectedBy;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.EventProperty;
import dev.sextant.registry.plan.PiiClass;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingestion rules beyond the plan's types: {@code _track_id} de-duplication, event time sanity,
 * who may send back-end events, and what happens to personal values.
 */
class EventIngestionRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

  private final JsonMapper json = JsonMapper.builder().build();
  private final MovableClock clock = new MovableClock(NOW);
  private final FlakyPublisher publisher = new FlakyPublisher();
  private final AtomicInteger ids = new AtomicInteger();
  private final EventIngestion ingestion =
      new EventIngestion(
          new SamePlan(
              new TrackingPlan(
                  "demo",
                  1,
                  List.of(
                      new EventDefinition(
                          "P2P_Invest", "投资", List.of(new EventProperty("amount", true)))),
                  List.of(new PropertyDefinition("amount", "金额", PropertyType.NUMBER)))),
          publisher,
          (project, drafts) -> {},
          clock,
          () -> "id-" + ids.incrementAndGet(),
          new EventTimeRanges(
              new EventTimeRange(Duration.ofDays(365), Duration.ofMinutes(10)),
              Map.of("archive", new EventTimeRange(Duration.ofDays(3650), Duration.ZERO))),
          TrackIdWindow.of(Duration.ofMinutes(10), 10_000, clock),
          project -> HASH_KEY);

  private static final byte[] HASH_KEY = new byte[32];

  private List<JsonNode> records(String... records) {
    return Arrays.stream(records).map(json::readTree).toList();
  }

  private static String invest(String user, long trackId, Instant time) {
    return """
    {"type":"track","event":"P2P_Invest","distinct_id":"%s","time":%d,"_track_id":%d,
     "properties":{"amount":500}}\
    """
        .formatted(user, time.toEpochMilli(), trackId);
  }

  @Test
  void aRetriedRecordIsAnsweredAsADuplicateAndNotPublishedAgain() {
    List<RecordOutcome> first = ingestion.ingest("demo", records(invest("u1", 7, NOW)));
    clock.advance(Duration.ofMinutes(9));
    List<RecordOutcome> retry =
        ingestion.ingest("demo", records(invest("u1", 7, NOW), invest("u1", 8, NOW)));

    assertThat(first).containsExactly(new RecordOutcome.Accepted(0, "id-1"));
    assertThat(retry)
        .containsExactly(
            new RecordOutcome.Duplicate(0, "id-1"), new RecordOutcome.Accepted(1, "id-2"));
    assertThat(publisher.accepted)
        .extracting(TrackedEvent::insertId)
        .containsExactly("id-1", "id-2");
  }

  @Test
  void twoCopiesInOneBatchAreStoredOnce() {
    List<RecordOutcome> outcomes =
        ingestion.ingest("demo", records(invest("u1", 7, NOW), invest("u1", 7, NOW)));

    assertThat(outcomes)
        .containsExactly(
            new RecordOutcome.Accepted(0, "id-1"), new RecordOutcome.Duplicate(1, "id-1"));
    assertThat(publisher.accepted).hasSize(1);
  }

  @Test
  void theSameTrackIdFromAnotherUserIsStored() {
    ingestion.ingest("demo", records(invest("u1", 7, NOW)));
    List<RecordOutcome> other = ingestion.ingest("demo", records(invest("u2", 7, NOW)));

    assertThat(other).containsExactly(new RecordOutcome.Accepted(0, "id-2"));
    assertThat(publisher.accepted).hasSize(2);
  }

  @Test
  void aRetryAfterTheWindowIsStoredAgain() {
    ingestion.ingest("demo", records(invest("u1", 7, NOW)));
    clock.advance(Duration.ofMinutes(11));
    List<RecordOutcome> late = ingestion.ingest("demo", records(invest("u1", 7, NOW)));

    assertThat(late).containsExactly(new RecordOutcome.Accepted(0, "id-2"));
    assertThat(publisher.accepted).hasSize(2);
  }

  @Test
  void aRecordWhosePublishFailedIsStoredWhenRetried() {
    publisher.failNext = true;
    assertThatThrownBy(() -> ingestion.ingest("demo", records(invest("u1", 7, NOW))))
        .isInstanceOf(EventDeliveryException.class);

    List<RecordOutcome> retry = ingestion.ingest("demo", records(invest("u1", 7, NOW)));

    assertThat(retry).containsExactly(new RecordOutcome.Accepted(0, "id-2"));
    assertThat(publisher.accepted).extracting(TrackedEvent::insertId).containsExactly("id-2");
  }

  @Test
  void recordsWithoutATrackIdAreNeverDuplicates() {
    String noTrackId =
        """
        {"type":"track","event":"P2P_Invest","distinct_id":"u1","time":%d,
         "properties":{"amount":500}}\
        """
            .formatted(NOW.toEpochMilli());
    List<RecordOutcome> outcomes = ingestion.ingest("demo", records(noTrackId, noTrackId));

    assertThat(outcomes).allMatch(RecordOutcome.Accepted.class::isInstance);
    assertThat(publisher.accepted).hasSize(2);
  }

  @Test
  void quarantinesAnEventTooOldOrTooFarInTheFuture() {
    List<RecordOutcome> outcomes =
        ingestion.ingest(
            "demo",
            records(
                invest("u1", 1, NOW.minus(Duration.ofDays(366))),
                invest("u1", 2, NOW.plus(Duration.ofMinutes(11))),
                invest("u1", 3, NOW.minus(Duration.ofDays(364))),
                invest("u1", 4, NOW.plus(Duration.ofMinutes(9)))));

    assertThat(outcomes)
        .extracting(outcome -> outcome.getClass().getSimpleName())
        .containsExactly("Quarantined", "Quarantined", "Accepted", "Accepted");
    assertThat(publisher.quarantined)
        .allSatisfy(record ->
            assertThat(record.reasons())
                .extracting(QuarantineReason::code, QuarantineReason::path)
                .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(QuarantineCode.TIME_OUT_OF_RANGE, "time")));
  }

  @Test
  void aTimeOutOfRangeIsReportedWithThePlansOwnProblems() {
    String bad =
        """
        {"type":"track","event":"P2P_Invest","distinct_id":"u1","time":0,"properties":{}}\
        """;
    List<RecordOutcome> outcomes = ingestion.ingest("demo", records(bad));

    assertThat(((RecordOutcome.Quarantined) outcomes.getFirst()).reasons())
        .extracting(QuarantineReason::code)
        .containsExactly(
            QuarantineCode.TIME_OUT_OF_RANGE, QuarantineCode.MISSING_REQUIRED_PROPERTY);
  }

  @Test
  void eachProjectMaySetItsOwnRange() {
    // "archive" takes ten years of history, and nothing from the future.
    String old = invest("u1", 1, NOW.minus(Duration.ofDays(3000)));
    String soon = invest("u1", 2, NOW.plus(Duration.ofMinutes(1)));

    assertThat(ingestion.ingest("archive", records(old, soon)))
        .extracting(outcome -> outcome.getClass().getSimpleName())
        .containsExactly("Accepted", "Quarantined");
    assertThat(ingestion.ingest("demo", records(old, soon)))
        .extracting(outcome -> outcome.getClass().getSimpleName())
        .containsExactly("Quarantined", "Accepted");
  }

  @Test
  void theDryRunChecksTheTimeToo() {
    List<CheckedRecord> checked =
        ingestion.check(
            "demo",
            List.of(
                new ReceivedRecord.Readable(
                    json.readTree(invest("u1", 1, NOW.plus(Duration.ofHours(1)))))),
            Enrichment.NONE,
            Source.SECRET_KEY);

    assertThat(checked.getFirst().reasons())
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.TIME_OUT_OF_RANGE);
    assertThat(publisher.accepted).isEmpty();
  }

  // --- Who may send what: back-end-only events and properties ---

  /**
   * Deposits come from the back end; risk_level only the back end knows; amount anyone may send.
   */
  private final EventIngestion payments =
      new EventIngestion(
          new SamePlan(
              new TrackingPlan(
                  "demo",
                  1,
                  List.of(
                      new EventDefinition(
                          "Deposit",
                          "充值",
                          null,
                          null,
                          null,
                          CollectedBy.BACK_END,
                          null,
                          null,
                          List.of(new EventProperty("amount", true))),
                      new EventDefinition(
                          "ViewProduct",
                          "浏览产品",
                          List.of(
                              new EventProperty("amount", false),
                              new EventProperty("risk_level", false),
                              new EventProperty("phone_number", false),
                              new EventProperty("real_name", false),
                              new EventProperty("id_photo", false)))),
                  List.of(
                      new PropertyDefinition("amount", "金额", PropertyType.NUMBER),
                      new PropertyDefinition(
                          "risk_level",
                          "风险等级",
                          null,
                          null,
                          PropertyType.STRING,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          CollectedBy.BACK_END,
                          false,
                          null),
                      piiProperty("phone_number", PiiClass.HASH),
                      piiProperty("real_name", PiiClass.MASK),
                      piiProperty("id_photo", PiiClass.FORBIDDEN)))),
          publisher,
          (project, drafts) -> {},
          clock,
          () -> "id-" + ids.incrementAndGet(),
          EventTimeRanges.UNBOUNDED,
          TrackIdWindow.DISABLED,
          project -> HASH_KEY);

  private static PropertyDefinition piiProperty(String name, PiiClass pii) {
    return new PropertyDefinition(
        name,
        name,
        null,
        null,
        PropertyType.STRING,
        null,
        null,
        null,
        null,
        null,
        pii,
        null,
        false,
        null);
  }

  private List<RecordOutcome> send(Source source, String record) {
    return payments.ingest(
        "demo",
        List.of(new ReceivedRecord.Readable(json.readTree(record))),
        Enrichment.NONE,
        source);
  }

  private static final String DEPOSIT =
      """
      {"type":"track","event":"Deposit","distinct_id":"u1","time":%d,"properties":{"amount":100}}
      """
          .formatted(NOW.toEpochMilli());

  @Test
  void takesABackEndEventOnlyWithTheSecretKey() {
    assertThat(send(Source.SECRET_KEY, DEPOSIT).getFirst())
        .isInstanceOf(RecordOutcome.Accepted.class);
    for (Source front : List.of(Source.PUBLIC_KEY, Source.UNIDENTIFIED)) {
      RecordOutcome outcome = send(front, DEPOSIT).getFirst();

      assertThat(outcome).as("%s", front).isInstanceOf(RecordOutcome.Quarantined.class);
      assertThat(((RecordOutcome.Quarantined) outcome).reasons())
          .containsExactly(
              new QuarantineReason(
                  QuarantineCode.UNAUTHORISED_SOURCE,
                  "event",
                  "event 'Deposit' is collected by the back end only: send it with the project's"
                      + " secret key"));
    }
    assertThat(publisher.accepted).hasSize(1);
    assertThat(publisher.quarantined).hasSize(2);
  }

  @Test
  void takesABackEndPropertyOnlyWithTheSecretKey() {
    String view =
        """
        {"type":"track","event":"ViewProduct","distinct_id":"u1","time":%d,
         "properties":{"amount":5,"risk_level":"C1"}}
        """
            .formatted(NOW.toEpochMilli());

    RecordOutcome fromApp = send(Source.PUBLIC_KEY, view).getFirst();

    assertThat(((RecordOutcome.Quarantined) fromApp).reasons())
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .containsExactly(tuple(QuarantineCode.UNAUTHORISED_SOURCE, "properties.risk_level"));
    assertThat(send(Source.SECRET_KEY, view).getFirst()).isInstanceOf(RecordOutcome.Accepted.class);
  }

  @Test
  void aFrontEndEventIsTakenFromAnySource() {
    String view =
        """
        {"type":"track","event":"ViewProduct","distinct_id":"u1","time":%d,"properties":{}}
        """
            .formatted(NOW.toEpochMilli());

    for (Source source : Source.values()) {
      assertThat(send(source, view).getFirst())
          .as("%s", source)
          .isInstanceOf(RecordOutcome.Accepted.class);
    }
  }

  @Test
  void theDryRunRefusesABackEndEventFromAFrontEndToo() {
    List<CheckedRecord> checked =
        payments.check(
            "demo",
            List.of(new ReceivedRecord.Readable(json.readTree(DEPOSIT))),
            Enrichment.NONE,
            Source.PUBLIC_KEY);

    assertThat(checked.getFirst().reasons())
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.UNAUTHORISED_SOURCE);
  }

  // --- Personal values: masked, hashed, never kept in clear ---

  @Test
  void storesHashAndMaskPropertiesTransformed() {
    String view =
        """
        {"type":"track","event":"ViewProduct","distinct_id":"u1","time":%d,
         "properties":{"phone_number":"13812345678","real_name":"张三丰"}}
        """
            .formatted(NOW.toEpochMilli());

    send(Source.PUBLIC_KEY, view);

    Map<String, Object> stored = publisher.accepted.getFirst().properties();
    assertThat(stored.get("real_name")).isEqualTo("张**");
    assertThat(stored.get("phone_number")).isEqualTo(new KeyedHash(HASH_KEY).hash("13812345678"));
  }

  @Test
  void aQuarantinedRecordKeepsNoPersonalValueInClear() {
    String view =
        """
        {"type":"track","event":"ViewProduct","distinct_id":"u1","time":%d,
         "properties":{"phone_number":"13812345678","real_name":"张三丰","id_photo":"jpeg…",
                       "amount":"lots"}}
        """
            .formatted(NOW.toEpochMilli());

    RecordOutcome outcome = send(Source.PUBLIC_KEY, view).getFirst();

    assertThat(outcome).isInstanceOf(RecordOutcome.Quarantined.class);
    assertThat(((RecordOutcome.Quarantined) outcome).reasons())
        .extracting(QuarantineReason::code)
        .contains(QuarantineCode.FORBIDDEN_PROPERTY, QuarantineCode.TYPE_MISMATCH);
    assertThat(publisher.quarantined.getFirst().payload())
        .doesNotContain("13812345678", "三丰", "jpeg")
        .contains("张**", "lots", PiiProtection.REMOVED);
  }

  @Test
  void aProfileSettingAForbiddenPropertyIsQuarantinedButUnsettingOneIsTaken() {
    String set =
        """
        {"type":"profile_set","distinct_id":"u1","time":%d,"properties":{"id_photo":"jpeg…"}}
        """
            .formatted(NOW.toEpochMilli());
    String unset =
        """
        {"type":"profile_unset","distinct_id":"u1","time":%d,"properties":{"id_photo":true}}
        """
            .formatted(NOW.toEpochMilli());

    RecordOutcome setting = send(Source.PUBLIC_KEY, set).getFirst();
    RecordOutcome unsetting = send(Source.PUBLIC_KEY, unset).getFirst();

    assertThat(((RecordOutcome.Quarantined) setting).reasons())
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .containsExactly(tuple(QuarantineCode.FORBIDDEN_PROPERTY, "properties.id_photo"));
    assertThat(publisher.quarantined.getFirst().payload()).doesNotContain("jpeg");
    assertThat(unsetting).isInstanceOf(RecordOutcome.Accepted.class);
  }

  @Test
  void profilesAreProtectedByThePlansClassesToo() {
    String profile =
        """
        {"type":"profile_set","distinct_id":"u1","time":%d,
         "properties":{"real_name":"张三丰","city":"上海"}}
        """
            .formatted(NOW.toEpochMilli());

    send(Source.PUBLIC_KEY, profile);

    assertThat(publisher.profiles.getFirst().properties())
        .containsEntry("real_name", "张**")
        .containsEntry("city", "上海");
  }

  @Test
  void itemsAreProtectedByThePlansClassesToo() {
    String item =
        """
        {"type":"item_set","item_type":"advisor","item_id":"a-1","time":%d,
         "properties":{"real_name":"张三丰","phone_number":"13812345678","branch":"上海"}}
        """
            .formatted(NOW.toEpochMilli());

    send(Source.PUBLIC_KEY, item);

    assertThat(publisher.items.getFirst().properties())
        .containsEntry("real_name", "张**")
        .containsEntry("phone_number", new KeyedHash(HASH_KEY).hash("13812345678"))
        .containsEntry("branch", "上海");
  }

  @Test
  void anItemWithAForbiddenPropertyIsQuarantinedWithoutTheValue() {
    String item =
        """
        {"type":"item_set","item_type":"advisor","item_id":"a-1","time":%d,
         "properties":{"id_photo":"jpeg…","branch":"上海"}}
        """
            .formatted(NOW.toEpochMilli());

    RecordOutcome outcome = send(Source.PUBLIC_KEY, item).getFirst();

    assertThat(((RecordOutcome.Quarantined) outcome).reasons())
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                QuarantineCode.FORBIDDEN_PROPERTY, "properties.id_photo"));
    assertThat(publisher.items).isEmpty();
    assertThat(publisher.quarantined.getFirst().payload())
        .doesNotContain("jpeg")
        .contains(PiiProtection.REMOVED);
  }

  /** A plan storage that gives every project the same plan and is never written. */
  private record SamePlan(TrackingPlan plan) implements PlanStorage {
    @Override
    public Optional<TrackingPlan> find(String project) {
      return Optional.of(plan.withProject(project));
    }

    @Override
    public Optional<TrackingPlan> find(String project, long version) {
      return find(project).filter(p -> p.version() == version);
    }

    @Override
    public List<PlanVersion> history(String project, int limit) {
      return List.of();
    }

    @Override
    public PlanVersion save(PlanRevision revision) {
      throw new UnsupportedOperationException("the tests never edit the plan");
    }
  }

  /** Records what was published; fails the next call when told to, like Kafka going away. */
  private static final class FlakyPublisher implements EventPublisher {
    final List<TrackedEvent> accepted = new ArrayList<>();
    final List<ProfileUpdate> profiles = new ArrayList<>();
    final List<ItemUpdate> items = new ArrayList<>();
    final List<QuarantinedRecord> quarantined = new ArrayList<>();
    boolean failNext;

    @Override
    public void publish(
        List<TrackedEvent> events,
        List<ProfileUpdate> updates,
        List<ItemUpdate> itemUpdates,
        List<QuarantinedRecord> records) {
      if (failNext) {
        failNext = false;
        throw new EventDeliveryException("the broker is away", null);
      }
      accepted.addAll(events);
      profiles.addAll(updates);
      items.addAll(itemUpdates);
      quarantined.addAll(records);
    }
  }
}
