package dev.sextant.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import dev.sextant.store.ColumnType;
import dev.sextant.store.duckdb.DuckDbEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sink's batch logic on a real (in-memory) DuckDB store. */
class EventBatchWriterTest {

  private final EventJson json = new EventJson();
  private final DuckDbEventStore store = DuckDbEventStore.inMemory();
  private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final EventBatchWriter writer =
      new EventBatchWriter(
          store,
          (project, property) ->
              property.equals("currency") ? Optional.of(ColumnType.STRING) : Optional.empty(),
          deadLetters,
          new SinkMetrics(meters));

  EventBatchWriterTest() {
    store.createSchema();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static TrackedEvent anEvent(String insertId, long millis) {
    return new TrackedEvent(
        "demo",
        "forex_Deposit",
        "trader-7",
        Instant.ofEpochMilli(millis),
        insertId,
        null,
        Map.of("currency", "USD"),
        Instant.ofEpochMilli(millis + 5));
  }

  private static ConsumerRecord<String, String> record(long offset, String value) {
    return new ConsumerRecord<>("sextant.events", 0, offset, "trader-7", value);
  }

  @Test
  void storesAWholeBatchInOneGo() {
    writer
        .events()
        .onMessage(
            List.of(
                record(0, json.writeEvent(anEvent("a", 1000))),
                record(1, json.writeEvent(anEvent("b", 2000)))));

    assertThat(store.findUserEvents("demo", "trader-7", 10))
        .extracting(TrackedEvent::insertId)
        .containsExactly("b", "a");
    assertThat(deadLetters.parked).isEmpty();
    assertThat(meters.get("sextant.sink.rows").tag("kind", "events").counter().count())
        .isEqualTo(2.0);
    assertThat(meters.get("sextant.sink.batch.rows").summary().max()).isEqualTo(2.0);
    assertThat(meters.get("sextant.sink.insert").timer().count()).isEqualTo(1);
  }

  @Test
  void parksAnUnreadableRecordAndStoresTheRestOfItsBatch() {
    writer
        .events()
        .onMessage(
            List.of(
                record(0, json.writeEvent(anEvent("a", 1000))),
                record(1, "{not an event"),
                record(2, json.writeEvent(anEvent("c", 3000)))));

    assertThat(store.findUserEvents("demo", "trader-7", 10))
        .extracting(TrackedEvent::insertId)
        .containsExactly("c", "a");
    assertThat(deadLetters.parked).singleElement().extracting(ConsumerRecord::offset).isEqualTo(1L);
    assertThat(deadLetters.reasons.getFirst()).startsWith("unreadable record: ");
    assertThat(meters.get("sextant.sink.parked").tag("kind", "events").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void storesQuarantinedRecordsFromTheirTopic() {
    QuarantinedRecord quarantined =
        new QuarantinedRecord(
            "demo",
            "q-1",
            Instant.ofEpochMilli(1000),
            List.of(new QuarantineReason(QuarantineCode.UNKNOWN_EVENT, "event", "unknown")),
            "{\"event\":\"nope\"}");

    writer.quarantine().onMessage(List.of(record(0, json.writeQuarantined(quarantined))));

    assertThat(store.findQuarantined("demo", 10)).containsExactly(quarantined);
  }

  /** Records what would have gone to the dead-letter topic. */
  private static final class RecordingDeadLetters implements DeadLetters {
    final List<ConsumerRecord<String, String>> parked = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();

    @Override
    public void park(ConsumerRecord<String, String> record, String reason) {
      parked.add(record);
      reasons.add(reason);
    }
  }
}
