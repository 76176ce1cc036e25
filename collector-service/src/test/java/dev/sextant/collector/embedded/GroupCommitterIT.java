package dev.sextant.collector.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sextant.collector.ingest.EventDeliveryException;
import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.UntypedPropertyException;
import dev.sextant.store.WriteBatch;
import dev.sextant.store.duckdb.DuckDbEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group commit against a real DuckDB file: what is acknowledged is stored, once. */
class GroupCommitterIT {

  private static final String PROJECT = "shop";
  private static final PropertyTypes TYPES =
      (project, property) ->
          property.equals("amount") ? Optional.of(ColumnType.NUMBER) : Optional.empty();

  /** Long enough that only a full group or {@link GroupCommitter#close} starts a commit. */
  private static final Duration FOREVER = Duration.ofMinutes(10);

  @TempDir Path directory;

  private Path file;
  private DuckDbEventStore store;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger sequence = new AtomicInteger();

  @BeforeEach
  void openStore() {
    file = directory.resolve("events.duckdb");
    store = DuckDbEventStore.open(file);
    store.createSchema();
  }

  @AfterEach
  void closeStore() {
    requests.close();
    store.close();
  }

  @Test
  void storesEveryAcknowledgedRequestExactlyOnceUnderConcurrency() throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> quarantined = ConcurrentHashMap.newKeySet();
    try (GroupCommitter committer =
        committer(new GroupCommitPolicy(500, Duration.ofMillis(2), 100_000))) {
      List<Future<?>> posters = new ArrayList<>();
      for (int poster = 0; poster < 32; poster++) {
        posters.add(
            requests.submit(() -> {
              for (int request = 0; request < 20; request++) {
                List<TrackedEvent> events = events(25, "amount");
                QuarantinedRecord rejected = quarantined();
                committer.commit(new WriteBatch(events, List.of(), List.of(), List.of(rejected)));
                events.forEach(event -> acknowledged.add(event.insertId()));
                quarantined.add(rejected.quarantineId());
              }
              return null;
            }));
      }
      for (Future<?> poster : posters) {
        poster.get();
      }
    }

    assertThat(acknowledged).hasSize(32 * 20 * 25);
    assertThat(stored("SELECT insert_id FROM events_" + PROJECT))
        .containsExactlyInAnyOrderElementsOf(acknowledged);
    assertThat(stored("SELECT quarantine_id FROM quarantine"))
        .containsExactlyInAnyOrderElementsOf(quarantined);
    // Every request was answered by some transaction, and no transaction took more than its limit.
    assertThat(registry.get("sextant.collector.embedded.group.requests").summary().totalAmount())
        .isEqualTo(32 * 20);
    assertThat(registry.get("sextant.collector.embedded.group.records").summary().max())
        .isLessThanOrEqualTo(500);
  }

  @Test
  void answersTheRequestsOfAGroupTogetherOnceItIsFull() throws Exception {
    try (GroupCommitter committer = committer(new GroupCommitPolicy(40, FOREVER, 1000))) {
      List<Future<?>> four = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        four.add(requests.submit(() -> committer.commit(batchOf(events(10, "amount")))));
      }
      for (Future<?> request : four) {
        request.get();
      }
    }

    assertThat(registry.get("sextant.collector.embedded.group.requests").summary().count())
        .isEqualTo(1);
    assertThat(registry.get("sextant.collector.embedded.group.requests").summary().max())
        .isEqualTo(4);
    assertThat(stored("SELECT insert_id FROM events_" + PROJECT)).hasSize(40);
  }

  @Test
  void aFailedTransactionFailsEveryRequestOfItsGroupAndStoresNoneOfThem() throws Exception {
    List<TrackedEvent> later = events(10, "amount");
    try (GroupCommitter committer = committer(new GroupCommitPolicy(30, FOREVER, 1000))) {
      List<Future<?>> group = new ArrayList<>();
      group.add(requests.submit(() -> committer.commit(batchOf(events(10, "amount")))));
      // A property without a type makes DuckDB's transaction fail: the whole group rolls back.
      group.add(requests.submit(() -> committer.commit(batchOf(events(10, "colour")))));
      group.add(requests.submit(() -> committer.commit(batchOf(events(10, "amount")))));

      for (Future<?> request : group) {
        assertThatThrownBy(request::get)
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(EventDeliveryException.class)
            .hasCauseInstanceOf(UntypedPropertyException.class);
      }
      // The writer goes on: the next group is stored.
      List<Future<?>> next = new ArrayList<>();
      next.add(requests.submit(() -> committer.commit(batchOf(later))));
      next.add(requests.submit(() -> committer.commit(batchOf(events(20, "amount")))));
      for (Future<?> request : next) {
        request.get();
      }
    }

    Set<String> stored = stored("SELECT insert_id FROM events_" + PROJECT);
    assertThat(stored).hasSize(30);
    assertThat(stored).containsAll(later.stream().map(TrackedEvent::insertId).toList());
    assertThat(
            registry
                .get("sextant.collector.embedded.commit")
                .tag("result", "error")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void refusesARequestPastTheQueueCapacityAndDrainsTheQueueOnClose() throws Exception {
    List<TrackedEvent> waiting = events(8, "amount");
    GroupCommitter committer = committer(new GroupCommitPolicy(1000, FOREVER, 10));
    Future<?> first = requests.submit(() -> committer.commit(batchOf(waiting)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> registry.get("sextant.collector.embedded.queued.records").gauge().value() == 8);

    assertThatThrownBy(() -> committer.commit(batchOf(events(5, "amount"))))
        .isInstanceOf(EventDeliveryException.class)
        .hasMessageContaining("queue is full");

    committer.close();
    first.get();
    assertThat(stored("SELECT insert_id FROM events_" + PROJECT))
        .containsExactlyInAnyOrderElementsOf(waiting.stream().map(TrackedEvent::insertId).toList());
    assertThatThrownBy(() -> committer.commit(batchOf(events(1, "amount"))))
        .isInstanceOf(EventDeliveryException.class)
        .hasMessageContaining("shutting down");
    assertThat(registry.get("sextant.collector.embedded.refused").counter().count()).isEqualTo(2);
  }

  private GroupCommitter committer(GroupCommitPolicy policy) {
    return new GroupCommitter(store, TYPES, policy, registry);
  }

  private static WriteBatch batchOf(List<TrackedEvent> events) {
    return new WriteBatch(events, List.of(), List.of(), List.of());
  }

  private List<TrackedEvent> events(int count, String property) {
    Instant now = Instant.parse("2026-12-08T04:00:00Z");
    List<TrackedEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(
          new TrackedEvent(
              PROJECT,
              "Pay",
              "user-" + sequence.incrementAndGet(),
              now,
              UUID.randomUUID().toString(),
              null,
              Map.of(property, 5L),
              now));
    }
    return events;
  }

  private static QuarantinedRecord quarantined() {
    return new QuarantinedRecord(
        PROJECT,
        UUID.randomUUID().toString(),
        Instant.now(),
        List.of(new QuarantineReason(QuarantineCode.UNKNOWN_EVENT, "event", "not in the plan")),
        "{\"event\":\"?\"}");
  }

  /** The first column of every row, each value checked to be there once. */
  private Set<String> stored(String sql) {
    List<String> all =
        store.select(sql, Duration.ofSeconds(30)).rows().stream()
            .map(row -> (String) row.getFirst())
            .toList();
    Set<String> values = new HashSet<>(all);
    assertThat(all).as("stored once each").hasSameSizeAs(values);
    return values;
  }
}
