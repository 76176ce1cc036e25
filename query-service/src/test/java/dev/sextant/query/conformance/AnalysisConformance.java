package dev.sextant.query.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.IdLink;
import dev.sextant.event.TrackedEvent;
import dev.sextant.query.engine.AnalysisEngine;
import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.DistributionResult;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventAnalysisResult;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.RetentionResult;
import dev.sextant.query.model.SessionAnalysis;
import dev.sextant.query.model.SessionResult;
import dev.sextant.query.model.TimeRange;
import dev.sextant.query.reference.ReferenceEngine;
import dev.sextant.query.reference.UserResolver;
import dev.sextant.query.sql.SqlDialect;
import dev.sextant.store.EventQueries;
import dev.sextant.store.EventStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: random analyses over one generated store, each run by the engine under
 * test and by the reference implementation; the results must be equal, record for record. A failure
 * names the seed, the request and the SQL, so it can be replayed alone.
 */
abstract class AnalysisConformance {

  static final String PROJECT = "conformance";
  static final long DATA_SEED = 20261125L;

  /** Per analysis kind; a deeper run: {@code ./mvnw verify -DargLine=-Dconformance.cases=400}. */
  static final int CASES = Integer.getInteger("conformance.cases", 60);

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
    return new AnalysisEngine(queries(), dialect(), GeneratedEvents.PROPERTY_TYPES);
  }

  @TestFactory
  Stream<DynamicTest> eventAnalysesAgreeWithTheReference() {
    return cases(
        "event analysis",
        seed -> new RandomAnalyses(seed).eventAnalysis(),
        EventAnalysisResult.class);
  }

  @TestFactory
  Stream<DynamicTest> newUsersAgreeWithTheReference() {
    return cases(
        "new users",
        seed -> new RandomAnalyses(seed).newUsersAnalysis(),
        EventAnalysisResult.class);
  }

  @TestFactory
  Stream<DynamicTest> sessionsAgreeWithTheReference() {
    return cases(
        "sessions", seed -> new RandomAnalyses(seed).sessionAnalysis(), SessionResult.class);
  }

  @TestFactory
  Stream<DynamicTest> distributionsAgreeWithTheReference() {
    return cases(
        "distribution",
        seed -> new RandomAnalyses(seed).distributionAnalysis(),
        DistributionResult.class);
  }

  @TestFactory
  Stream<DynamicTest> funnelsAgreeWithTheReference() {
    return cases("funnel", seed -> new RandomAnalyses(seed).funnel(), FunnelResult.class);
  }

  @TestFactory
  Stream<DynamicTest> retentionAgreesWithTheReference() {
    return cases("retention", seed -> new RandomAnalyses(seed).retention(), RetentionResult.class);
  }

  /**
   * Found at 400 random cases: ClickHouse 18.16 crashed on GROUP BY keys mixing a decimal with
   * other types (a segmentation fault in {@code ColumnDecimal}); numbers now group as text there.
   */
  @Test
  void groupsByADecimalNextToOtherKeys() {
    EventAnalysis analysis =
        new EventAnalysis(
            List.of(
                new Metric(EventCriteria.anyEvent(), new Measure.EventCount()),
                new Metric(EventCriteria.named("Invest"), new Measure.Sum("amount"))),
            Filter.none(),
            List.of("theme", "amount", "vip"),
            new TimeRange(
                GeneratedEvents.FIRST_DAY, GeneratedEvents.LAST_DAY, RandomAnalyses.ZONES.get(1)),
            Granularity.DAY,
            false);
    assertThat(engine().run(PROJECT, analysis, Duration.ofSeconds(30), EventAnalysisResult.class))
        .isEqualTo(reference.run(analysis, EVENTS));
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
      case SessionAnalysis sessions -> reference.run(sessions, EVENTS);
      case DistributionAnalysis distribution -> reference.run(distribution, EVENTS);
      case FunnelAnalysis funnel -> reference.run(funnel, EVENTS);
      case RetentionAnalysis retention -> reference.run(retention, EVENTS);
      default -> throw new IllegalArgumentException("no reference for " + analysis);
    };
  }
}
