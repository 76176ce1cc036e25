package dev.sextant.query.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventAnalysisResult;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.TimeRange;
import dev.sextant.query.sql.DuckDbDialect;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine refuses to assemble more rows than its limit, on a real (in-memory) DuckDB. */
class AnalysisEngineLimitsTest {

  private static final PropertyTypes TYPES =
      (project, property) ->
          property.equals("order_id") ? Optional.of(ColumnType.STRING) : Optional.empty();

  private final DuckDbEventStore store = DuckDbEventStore.inMemory();

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void refusesAnAnswerWithMoreRowsThanTheLimitAndAssemblesOneWithin() {
    store.createSchema();
    List<TrackedEvent> events = new ArrayList<>();
    Instant time = Instant.parse("2026-03-01T10:00:00Z");
    for (int i = 0; i < 12; i++) {
      events.add(
          new TrackedEvent(
              "limits", "Pay", "u" + i, time, "i" + i, null, Map.of("order_id", "o" + i), time));
    }
    store.append(events, TYPES);
    EventAnalysis byOrder =
        new EventAnalysis(
            List.of(new Metric(EventCriteria.anyEvent(), new Measure.EventCount())),
            Filter.none(),
            List.of("order_id"),
            new TimeRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), ZoneOffset.UTC),
            Granularity.TOTAL,
            false);

    AnalysisEngine small = new AnalysisEngine(store, new DuckDbDialect(), TYPES, 10);
    assertThatThrownBy(() -> small.run("limits", byOrder, Duration.ofSeconds(10)))
        .isInstanceOf(ResultTooLargeException.class)
        .hasMessageContaining("more than 10 rows");

    AnalysisEngine enough = new AnalysisEngine(store, new DuckDbDialect(), TYPES, 12);
    assertThat(
            enough
                .run("limits", byOrder, Duration.ofSeconds(10), EventAnalysisResult.class)
                .current())
        .hasSize(12);
  }
}
