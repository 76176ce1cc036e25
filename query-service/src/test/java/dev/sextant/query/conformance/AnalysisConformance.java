package dev.sextant.query.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.IdLink;
import dev.sextant.event.TrackedEvent;
import dev.sextant.query.engine.AnalysisEngine;
import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventAnalysisResult;
import dev.sextant.query.reference.ReferenceEngine;
import dev.sextant.query.reference.UserResolver;
import dev.sextant.query.sql.SqlDialect;
import dev.sextant.store.EventQueries;
import dev.sextant.store.EventStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: random analyses over one generated store, each run by the engine under
 * test and by the reference implementation; the results must be equal, record for record. A failure
 * names the seed, the request and the SQL, so it can be replayed alone.
 */
abstract class AnalysisConformance {

  static final String PROJECT = "conformance";
  static final long DATA_SEED = 20261125L;
  static final int CASES = 60;

  static final List<TrackedEvent> EVENTS = GeneratedEvents.generate(PROJECT, DATA_SEED, 40, 2500);

  /** The reference resolves users through the generated signups' links, as the engines must. */
  private final ReferenceEngine reference =
      new ReferenceEngine(
          UserResolver.linking(EVENTS.stream().flatMap(e -> IdLink.of(e).stream()).toList()));

  /** Stores {@link #EVENTS} into a fresh store of the engine under test (once per class). */
  static void load(EventStore store) {
    store.createSchema();
    for (int from = 0; from < EVENTS.size(); from += 1000) {
      store.append(
          EVENTS.subList(from, Math.min(EVENTS.size(), from + 1000)),
          GeneratedEvents.PROPERTY_TYPES);
    }
  }

  protected abstract EventQueries queries();

  protected abstract SqlDialect dialect();

  private AnalysisEngine engine() {
    Function<String, Map<String, dev.sextant.store.ColumnType>> planned =
        project -> GeneratedEvents.TYPES;
    return new AnalysisEngine(queries(), dialect(), planned);
  }

  @TestFactory
  Stream<DynamicTest> eventAnalysesAgreeWithTheReference() {
    return cases(
        "event analysis",
        seed -> new RandomAnalyses(seed).eventAnalysis(),
        EventAnalysisResult.class);
  }

  /** {@link #CASES} random requests, each a test named by its seed. */
  protected <A extends Analysis, R> Stream<DynamicTest> cases(
      String kind, Function<Long, A> requests, Class<R> resultType) {
    AnalysisEngine engine = engine();
    return IntStream.range(0, CASES)
        .mapToObj(i -> {
          long seed = 1000L * kind.hashCode() + i;
          return DynamicTest.dynamicTest(
              kind + " #" + i + " (seed " + seed + ")",
              () -> {
                A analysis = requests.apply(seed);
                R actual = engine.run(PROJECT, analysis, Duration.ofSeconds(30), resultType);
                Object expected = referenceResult(analysis);
                assertThat(actual)
                    .as(
                        "%s on %s\nrequest: %s\nSQL:\n%s",
                        kind,
                        dialect().name(),
                        analysis,
                        String.join(";\n", engine.explain(PROJECT, analysis)))
                    .isEqualTo(expected);
              });
        });
  }

  private Object referenceResult(Analysis analysis) {
    return switch (analysis) {
      case EventAnalysis events -> reference.run(events, EVENTS);
      default -> throw new IllegalArgumentException("no reference for " + analysis);
    };
  }
}
