package dev.sextant.query.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.query.quarantine.QuarantineReplayer.ReplayResult;
import dev.sextant.query.quarantine.QuarantineReplayer.ReplayStatus;
import dev.sextant.query.quarantine.RecordResubmitter.Resubmission;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replay decisions over a real (in-memory) DuckDB quarantine and a scripted collector. */
class QuarantineReplayerTest {

  private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");
  private static final List<QuarantineReason> UNKNOWN =
      List.of(new QuarantineReason(QuarantineCode.UNKNOWN_EVENT, "event", "not in the plan"));

  private final DuckDbEventStore store = DuckDbEventStore.inMemory();
  private final ScriptedCollector collector = new ScriptedCollector();
  private final QuarantineReplayer replayer =
      new QuarantineReplayer(store, collector, Clock.fixed(NOW, ZoneOffset.UTC));

  /** Takes payloads containing "ok", refuses the rest; can refuse at submit what it checked. */
  private static final class ScriptedCollector implements RecordResubmitter {
    final List<String> submitted = new ArrayList<>();
    boolean planChangesBeforeSubmit;
    boolean remembersTrackIds;

    @Override
    public List<Resubmission> check(String project, List<String> payloads, boolean asBackEnd) {
      return payloads.stream()
          .<Resubmission>map(p -> p.contains("ok") ? new Resubmission.Conforms() : refused())
          .toList();
    }

    @Override
    public List<Resubmission> submit(String project, List<String> payloads, boolean asBackEnd) {
      submitted.addAll(payloads);
      return payloads.stream()
          .<Resubmission>map(p -> {
            if (planChangesBeforeSubmit) {
              return refused();
            }
            return remembersTrackIds
                ? new Resubmission.Duplicate("stored-earlier")
                : new Resubmission.Accepted("ins-" + p);
          })
          .toList();
    }

    private static Resubmission refused() {
      return new Resubmission.Refused(UNKNOWN);
    }
  }

  QuarantineReplayerTest() {
    store.createSchema();
    store.quarantine(
        List.of(
            quarantined("q-ok-1", "ok-1"),
            quarantined("q-ok-2", "ok-2"),
            quarantined("q-bad", "bad")));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static QuarantinedRecord quarantined(String id, String payload) {
    return new QuarantinedRecord("shop", id, NOW.minusSeconds(60), UNKNOWN, payload);
  }

  @Test
  void storesWhatConformsNowAndKeepsTheRestInQuarantineWithTodaysReasons() {
    List<ReplayResult> results =
        replayer.replay("shop", List.of("q-ok-1", "q-bad", "q-none"), false, false, "admin");

    assertThat(results)
        .containsExactly(
            new ReplayResult("q-ok-1", ReplayStatus.REPLAYED, "ins-ok-1", null),
            new ReplayResult("q-bad", ReplayStatus.STILL_INVALID, null, UNKNOWN),
            new ReplayResult("q-none", ReplayStatus.NOT_FOUND, null, null));
    assertThat(collector.submitted).containsExactly("ok-1");
    assertThat(store.findReplays("shop", List.of("q-ok-1", "q-bad")))
        .containsOnlyKeys("q-ok-1")
        .hasEntrySatisfying(
            "q-ok-1",
            replay -> {
              assertThat(replay.replayedBy()).isEqualTo("admin");
              assertThat(replay.replayedAt()).isEqualTo(NOW);
            });
  }

  @Test
  void neverStoresARecordTwice() {
    replayer.replay("shop", List.of("q-ok-1"), false, false, "admin");

    List<ReplayResult> again =
        replayer.replay("shop", List.of("q-ok-1", "q-ok-1"), false, false, "someone");

    assertThat(again)
        .containsExactly(
            new ReplayResult("q-ok-1", ReplayStatus.ALREADY_REPLAYED, "ins-ok-1", null));
    assertThat(collector.submitted).containsExactly("ok-1");
  }

  @Test
  void aDryRunStoresAndRecordsNothing() {
    List<ReplayResult> results =
        replayer.replay("shop", List.of("q-ok-1", "q-bad"), false, true, "admin");

    assertThat(results)
        .extracting(ReplayResult::status)
        .containsExactly(ReplayStatus.WOULD_REPLAY, ReplayStatus.STILL_INVALID);
    assertThat(collector.submitted).isEmpty();
    assertThat(store.findReplays("shop", List.of("q-ok-1"))).isEmpty();
  }

  @Test
  void aRecordRefusedBetweenTheCheckAndTheStoreIsNotMarkedReplayed() {
    collector.planChangesBeforeSubmit = true;

    List<ReplayResult> results = replayer.replay("shop", List.of("q-ok-1"), false, false, "a");

    assertThat(results)
        .extracting(ReplayResult::status)
        .containsExactly(ReplayStatus.STILL_INVALID);
    assertThat(store.findReplays("shop", List.of("q-ok-1"))).isEmpty();
  }

  @Test
  void aRecordTheCollectorAlreadyHoldsCountsAsReplayedUnderItsInsertId() {
    collector.remembersTrackIds = true;

    List<ReplayResult> results = replayer.replay("shop", List.of("q-ok-2"), false, false, "a");

    assertThat(results)
        .containsExactly(new ReplayResult("q-ok-2", ReplayStatus.REPLAYED, "stored-earlier", null));
    assertThat(store.findReplays("shop", List.of("q-ok-2"))).containsKey("q-ok-2");
  }

  @Test
  void recordsOfAnotherProjectAreNotFound() {
    assertThat(replayer.replay("other", List.of("q-ok-1"), false, false, "a"))
        .extracting(ReplayResult::status)
        .containsExactly(ReplayStatus.NOT_FOUND);
  }

  @Test
  void refusesAnEmptyOrOversizedRequest() {
    List<String> tooMany =
        IntStream.range(0, QuarantineReplayer.MAX_RECORDS + 1).mapToObj(i -> "q-" + i).toList();

    assertThatThrownBy(() -> replayer.replay("shop", List.of(), false, false, "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ids");
    assertThatThrownBy(() -> replayer.replay("shop", tooMany, false, false, "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> replayer.replay("shop", Collections.singletonList(" "), false, false, "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
