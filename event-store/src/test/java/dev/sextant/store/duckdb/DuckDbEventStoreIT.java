package dev.sextant.store.duckdb;

import static dev.sextant.store.QuarantinedRecordBuilder.aQuarantinedRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.EventStore;
import dev.sextant.store.EventStoreConformance;
import dev.sextant.store.EventTables;
import dev.sextant.store.UntypedPropertyException;
import dev.sextant.store.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on a DuckDB file, plus what only an embedded file store has to do. */
class DuckDbEventStoreIT extends EventStoreConformance {

  @TempDir Path directory;

  private Path file;
  private DuckDbEventStore store;

  @BeforeEach
  void openStore() {
    file = directory.resolve("nested/dirs/events.duckdb");
    store = DuckDbEventStore.open(file);
    store.createSchema();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected EventStore store() {
    return store;
  }

  @Override
  protected String engineName() {
    return "DuckDB";
  }

  @Test
  void aWriteBatchThatFailsStoresNoneOfItsRecords() {
    TrackedEvent stored = event("alice").with("amount", 5L).build();
    TrackedEvent untyped = event("bob").with("colour", "red").build();
    WriteBatch batch =
        new WriteBatch(
            List.of(stored, untyped),
            List.of(),
            List.of(),
            List.of(aQuarantinedRecord().inProject(project).build()));

    assertThatThrownBy(() -> store.write(batch, types))
        .isInstanceOf(UntypedPropertyException.class);

    assertThat(store.findUserEvents(project, "alice", 10)).isEmpty();
    assertThat(store.findQuarantined(project, 10)).isEmpty();
  }

  @Test
  void aBoundedSelectReadsOneRowPastTheLimit() {
    List<TrackedEvent> events = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      events.add(event("u" + i).build());
    }
    store.append(events, types);

    assertThat(
            store
                .select(
                    "SELECT distinct_id FROM " + EventTables.events(project),
                    Duration.ofSeconds(30),
                    10)
                .size())
        .isEqualTo(11);
  }

  @Test
  void keepsCommittedBatchesAcrossReopening() {
    TrackedEvent event = event("alice").build();
    append(List.of(event));
    store.close();

    store = DuckDbEventStore.open(file);

    assertThat(store.findUserEvents(project, "alice", 10)).containsExactly(event);
  }

  @Test
  void derivesUtcDatesWhateverTheTimeZone() throws SQLException {
    // 02:30 UTC is still the previous day in the test time zone (America/St_Johns).
    append(List.of(event("alice").at("2026-01-01T02:30:00Z").build()));
    store.close();

    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT event_date FROM events_" + project)) {
      result.next();
      assertThat(result.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 1));
    } finally {
      store = DuckDbEventStore.open(file);
    }
  }

  @Test
  void acceptsConcurrentWritersAndReaders() throws Exception {
    int writers = 4;
    int batches = 20;
    try (ExecutorService pool = Executors.newFixedThreadPool(writers * 2)) {
      List<Future<?>> tasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String user = "user-" + w;
        tasks.add(
            pool.submit(() ->
                IntStream.range(0, batches)
                    .forEach(b -> append(List.of(event(user).build(), event(user).build())))));
        tasks.add(
            pool.submit(() ->
                IntStream.range(0, batches)
                    .forEach(b -> store.findUserEvents(project, user, 100))));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    }

    for (int w = 0; w < writers; w++) {
      assertThat(store.findUserEvents(project, "user-" + w, 1_000)).hasSize(batches * 2);
    }
  }

  @Test
  void worksInMemory() {
    try (DuckDbEventStore memory = DuckDbEventStore.inMemory()) {
      memory.createSchema();
      TrackedEvent event = event("alice").build();
      memory.append(List.of(event), types);

      assertThat(memory.findUserEvents(project, "alice", 10)).containsExactly(event);
    }
  }
}
