package dev.sextant.query.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.ClickHouseTestClients;
import dev.sextant.query.engine.AnalysisEngine;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventAnalysisResult;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.TimeRange;
import dev.sextant.query.reference.ReferenceEngine;
import dev.sextant.query.sql.ClickHouseDialect;
import dev.sextant.query.sql.DuckDbDialect;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.clickhouse.ClickHouseEventStore;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import dev.sextant.store.duckdb.DuckDbEventStore;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile text as filter literals and event names, on both real engines: every string is stored as
 * a property value, then looked up by equality and by substring. Each answer must equal the
 * reference's, so a literal that escaped its quotes (and so matched differently, failed, or ran
 * something else) is caught. Property names cannot carry SQL: the model refuses non-identifiers.
 */
@ExtendWith(ClickHouseExtension.class)
class SqlInjectionFuzzIT {

  private static final String PROJECT = "fuzz";
  private static final LocalDate DAY = LocalDate.of(2026, 5, 1);
  private static final PropertyTypes TYPES =
      (project, property) ->
          property.equals("theme") ? Optional.of(ColumnType.STRING) : Optional.empty();

  /** Pieces that break naive quoting in one engine or the other. */
  private static final List<String> PIECES =
      List.of(
          "'",
          "''",
          "\\",
          "\\'",
          "\\\\'",
          "\"",
          "`",
          ";",
          "--",
          "/*",
          "*/",
          "\n",
          "\r",
          "\t",
          "\u0001",
          "\u001f",
          "%",
          "_",
          "?",
          "$1",
          "{p:String}",
          " OR 1=1",
          "') OR ('1'='1",
          "'; DROP TABLE events_fuzz; --",
          "红包",
          "😀",
          "\\x27",
          "\\N",
          "NULL",
          " ",
          "a");

  private static final List<String> HOSTILE = hostileStrings(200);
  private static final List<TrackedEvent> EVENTS = eventsWith(HOSTILE);

  private static ClickHouseHttpClient client;
  private static ClickHouseEventStore clickHouse;
  private static DuckDbEventStore duckDb;

  @BeforeAll
  static void storeEveryHostileString(ClickHouseTestServer server) {
    client = ClickHouseTestClients.clientOf(server);
    clickHouse = new ClickHouseEventStore(client);
    clickHouse.createSchema();
    clickHouse.append(EVENTS, TYPES);
    duckDb = DuckDbEventStore.inMemory();
    duckDb.createSchema();
    duckDb.append(EVENTS, TYPES);
  }

  @AfterAll
  static void close() {
    client.close();
    duckDb.close();
  }

  @Test
  void hostileLiteralsMatchExactlyWhatTheReferenceMatchesOnBothEngines() {
    List<AnalysisEngine> engines =
        List.of(
            new AnalysisEngine(clickHouse, new ClickHouseDialect(), TYPES),
            new AnalysisEngine(duckDb, new DuckDbDialect(), TYPES));
    ReferenceEngine reference = ReferenceEngine.byDistinctId();
    int checked = 0;
    for (String hostile : HOSTILE) {
      for (Operator operator : List.of(Operator.EQ, Operator.CONTAINS, Operator.NE)) {
        EventAnalysis analysis =
            count(EventCriteria.anyEvent(), Filter.where("theme", operator, Literal.of(hostile)));
        EventAnalysisResult expected = reference.run(analysis, EVENTS);
        for (AnalysisEngine engine : engines) {
          assertThat(
                  engine.run(PROJECT, analysis, Duration.ofSeconds(30), EventAnalysisResult.class))
              .as("%s %s %s", engine.dialect().name(), operator, printable(hostile))
              .isEqualTo(expected);
          checked++;
        }
      }
      // As an event name: no stored event has it, so nothing matches, and nothing fails.
      if (hostile.isBlank()) {
        continue; // the model refuses blank event names before any SQL is written
      }
      EventAnalysis byName = count(EventCriteria.named(hostile), Filter.none());
      for (AnalysisEngine engine : engines) {
        assertThat(engine.run(PROJECT, byName, Duration.ofSeconds(30), EventAnalysisResult.class))
            .as("%s event %s", engine.dialect().name(), printable(hostile))
            .isEqualTo(reference.run(byName, EVENTS));
      }
    }
    assertThat(checked).isEqualTo(HOSTILE.size() * 3 * 2);
    // Every string matched itself: the equality answers were not all zero.
    EventAnalysis one =
        count(
            EventCriteria.anyEvent(),
            Filter.where("theme", Operator.EQ, Literal.of(HOSTILE.get(7))));
    assertThat(reference.run(one, EVENTS).current().getFirst().points().getFirst().value())
        .isEqualByComparingTo("1");
  }

  @Test
  void refusesWhatNoEngineCouldStoreOrNameSafely() {
    AnalysisEngine engine = new AnalysisEngine(duckDb, new DuckDbDialect(), TYPES);
    assertThatThrownBy(() ->
            engine.run(
                PROJECT,
                count(
                    EventCriteria.anyEvent(),
                    Filter.where("theme", Operator.EQ, Literal.of("a\0b"))),
                Duration.ofSeconds(5)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> Filter.where("theme` OR 1=1 --", Operator.IS_SET))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("property name");
    assertThatThrownBy(() -> new Measure.Sum("amount\"); DROP TABLE x; --"))
        .isInstanceOf(InvalidQueryException.class);
  }

  private static EventAnalysis count(EventCriteria events, Filter filter) {
    return new EventAnalysis(
        List.of(new Metric(events, new Measure.EventCount())),
        filter,
        List.of(),
        new TimeRange(DAY, DAY, ZoneOffset.UTC),
        Granularity.TOTAL,
        false);
  }

  private static List<String> hostileStrings(int count) {
    SplittableRandom random = new SplittableRandom(9457);
    Set<String> strings = new LinkedHashSet<>(PIECES);
    while (strings.size() < count) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(5);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      strings.add(text.toString());
    }
    return List.copyOf(strings);
  }

  private static List<TrackedEvent> eventsWith(List<String> values) {
    List<TrackedEvent> events = new ArrayList<>();
    Instant time = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
    for (int i = 0; i < values.size(); i++) {
      events.add(
          new TrackedEvent(
              PROJECT,
              "View",
              "fuzz-" + i,
              time.plusSeconds(i),
              "f" + i,
              null,
              Map.of("theme", values.get(i)),
              time));
    }
    return events;
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(c -> out.append(c < 0x20 ? String.format("\\u%04x", c) : Character.toString(c)));
    return out.toString();
  }
}
