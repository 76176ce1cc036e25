package dev.sextant.query.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.query.ingestion.IngestionReport.Counts;
import dev.sextant.query.ingestion.IngestionReport.Minute;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.ColumnType;
import dev.sextant.store.EventQueries;
import dev.sextant.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ingestion report on a real engine: one subclass per engine. The clock stands 20 minutes after
 * midnight in Shanghai (the default zone of a project without a plan), so today is shorter than the
 * hour's window; every event's own time is in 2017 (a historical import), so only the reception
 * time can place it.
 */
abstract class IngestionContract {

  static final String PROJECT = "ingest";
  static final String OTHER = "ingestother";

  /** 00:20:30 on 2026-12-09 in Shanghai. */
  static final Instant NOW = Instant.parse("2026-12-08T16:20:30Z");

  static final Instant EVENT_TIME = Instant.parse("2017-01-01T02:00:00Z");

  static void load(EventStore store) {
    store.createSchema();
    List<TrackedEvent> events = new ArrayList<>();
    events.add(event(PROJECT, "before-window", "2026-12-08T15:10:00Z"));
    events.add(event(PROJECT, "first-minute-1", "2026-12-08T15:21:00.000Z"));
    events.add(event(PROJECT, "first-minute-2", "2026-12-08T15:21:59.999Z"));
    events.add(event(PROJECT, "yesterday-last", "2026-12-08T15:59:59.999Z"));
    events.add(event(PROJECT, "midnight-1", "2026-12-08T16:00:00.000Z"));
    events.add(event(PROJECT, "midnight-2", "2026-12-08T16:00:10Z"));
    events.add(event(PROJECT, "midnight-3", "2026-12-08T16:00:59Z"));
    events.add(event(PROJECT, "current-minute", "2026-12-08T16:20:29Z"));
    // Received after the report's minute (another process's clock runs ahead): not counted.
    events.add(event(PROJECT, "ahead", "2026-12-08T16:21:00Z"));
    events.add(event(OTHER, "other-project", "2026-12-08T16:10:00Z"));
    store.append(events, (project, property) -> Optional.of(ColumnType.STRING));
    QuarantinedRecord late = quarantined(PROJECT, "q-today", "2026-12-08T16:05:00Z");
    store.quarantine(
        List.of(
            quarantined(PROJECT, "q-window-1", "2026-12-08T15:30:00Z"),
            quarantined(PROJECT, "q-window-2", "2026-12-08T15:30:30Z"),
            late,
            quarantined(PROJECT, "q-old", "2026-12-07T10:00:00Z"),
            quarantined(OTHER, "q-other", "2026-12-08T16:05:00Z"),
            quarantined("ingestempty", "q-empty", "2026-12-08T16:19:00Z")));
    // Delivered again (a sink restarted before committing): still one record.
    store.quarantine(List.of(late));
  }

  private static TrackedEvent event(String project, String id, String receivedAt) {
    return new TrackedEvent(
        project, "$AppStart", "user-1", EVENT_TIME, id, null, Map.of(), Instant.parse(receivedAt));
  }

  private static QuarantinedRecord quarantined(String project, String id, String receivedAt) {
    return new QuarantinedRecord(
        project,
        id,
        Instant.parse(receivedAt),
        List.of(new QuarantineReason(QuarantineCode.UNKNOWN_EVENT, "event", "not in the plan")),
        "{}");
  }

  protected abstract EventQueries queries();

  private IngestionController controller() {
    return new IngestionController(
        queries(), NO_PLANS, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
  }

  @Test
  void countsTheLastHourByReceptionMinuteZeroFilledWithTheCurrentMinuteLast() {
    IngestionReport report = controller().ingestion(PROJECT, 60);

    assertThat(report.now()).isEqualTo(NOW);
    assertThat(report.timeZone()).isEqualTo("Asia/Shanghai");
    assertThat(report.minutes()).hasSize(60);
    assertThat(report.minutes().getFirst())
        .isEqualTo(new Minute(Instant.parse("2026-12-08T15:21:00Z"), 2, 0));
    assertThat(report.minutes().get(9))
        .isEqualTo(new Minute(Instant.parse("2026-12-08T15:30:00Z"), 0, 2));
    assertThat(report.minutes().get(38))
        .isEqualTo(new Minute(Instant.parse("2026-12-08T15:59:00Z"), 1, 0));
    assertThat(report.minutes().get(39))
        .isEqualTo(new Minute(Instant.parse("2026-12-08T16:00:00Z"), 3, 0));
    assertThat(report.minutes().getLast())
        .isEqualTo(new Minute(Instant.parse("2026-12-08T16:20:00Z"), 1, 0));
    assertThat(report.window()).isEqualTo(new Counts(Instant.parse("2026-12-08T15:21:00Z"), 7, 3));
  }

  @Test
  void countsTodayFromTheProjectsLocalMidnight() {
    assertThat(controller().ingestion(PROJECT, 60).today())
        .isEqualTo(new Counts(Instant.parse("2026-12-08T16:00:00Z"), 4, 1));
    // A window shorter than today still gives the whole day.
    IngestionReport oneMinute = controller().ingestion(PROJECT, 1);
    assertThat(oneMinute.minutes())
        .containsExactly(new Minute(Instant.parse("2026-12-08T16:20:00Z"), 1, 0));
    assertThat(oneMinute.today())
        .isEqualTo(new Counts(Instant.parse("2026-12-08T16:00:00Z"), 4, 1));
  }

  @Test
  void theLatestReceptionIsTheProjectsNewestAcceptedEvent() {
    assertThat(controller().ingestion(PROJECT, 60).latestReceivedAt())
        .isEqualTo(Instant.parse("2026-12-08T16:21:00Z"));
    assertThat(controller().ingestion(OTHER, 60).latestReceivedAt())
        .isEqualTo(Instant.parse("2026-12-08T16:10:00Z"));
  }

  @Test
  void aProjectWithoutEventsCountsOnlyItsQuarantine() {
    IngestionReport report = controller().ingestion("ingestempty", 60);
    assertThat(report.latestReceivedAt()).isNull();
    assertThat(report.window().accepted()).isZero();
    assertThat(report.window().quarantined()).isOne();
    assertThat(report.today().quarantined()).isOne();
    assertThat(report.minutes().get(58).quarantined()).isOne();
  }

  @Test
  void refusesAWindowOutsideOneMinuteToADay() {
    assertThatThrownBy(() -> controller().ingestion(PROJECT, 0))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("minutes: must be 1 to 1440");
    assertThatThrownBy(() -> controller().ingestion(PROJECT, 1441))
        .isInstanceOf(InvalidQueryException.class);
    assertThat(controller().ingestion(PROJECT, 1440).minutes()).hasSize(1440);
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
}
