package dev.sextant.query.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants that must hold on any data, checked on seeded random events with many ties (times on a
 * coarse grid) and days that straddle the UTC date line.
 */
class ReferencePropertiesTest {

  private static final ReferenceEngine ENGINE = ReferenceEngine.byDistinctId();
  private static final TimeRange RANGE =
      TimeRange.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 18));
  private static final List<String> NAMES = List.of("View", "Register", "Invest", "$pageview");

  static Stream<Long> seeds() {
    return IntStream.range(0, 20).mapToObj(i -> 1_000L + i * 7919L);
  }

  static List<TrackedEvent> randomEvents(long seed) {
    Random random = new Random(seed);
    Instant start = RANGE.start().minus(Duration.ofDays(3));
    List<TrackedEvent> events = new ArrayList<>();
    int count = 50 + random.nextInt(300);
    for (int i = 0; i < count; i++) {
      // a 10-minute grid over 20 days makes equal timestamps common
      Instant time = start.plus(Duration.ofMinutes(10L * random.nextInt(20 * 144)));
      Map<String, Object> properties = new HashMap<>();
      if (random.nextInt(4) > 0) {
        properties.put(
            "amount",
            random.nextBoolean()
                ? (Object) (long) random.nextInt(1000)
                : BigDecimal.valueOf(random.nextInt(100_000), 2));
      }
      if (random.nextBoolean()) {
        properties.put("os", random.nextBoolean() ? "iOS" : "Android");
      }
      events.add(
          new TrackedEvent(
              "demo",
              NAMES.get(random.nextInt(NAMES.size())),
              "u" + random.nextInt(25),
              time,
              "i" + i,
              null,
              properties,
              time));
    }
    return events;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void funnelCountsNeverIncreaseAcrossSteps(long seed) {
    FunnelResult result =
        ENGINE.run(
            new FunnelAnalysis(
                List.of(
                    EventCriteria.named("View"),
                    EventCriteria.named("Register"),
                    EventCriteria.named("Invest"),
                    EventCriteria.named("View")),
                Duration.ofDays(2),
                RANGE,
                "os"),
            randomEvents(seed));
    for (FunnelResult.Group group : result.groups()) {
      for (int i = 1; i < group.users().size(); i++) {
        assertThat(group.users().get(i)).isLessThanOrEqualTo(group.users().get(i - 1));
      }
      assertThat(group.users().getFirst()).isPositive();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theFunnelLevelIsWhatAOnePassWindowFunnelComputes(long seed) {
    List<TrackedEvent> events = randomEvents(seed);
    FunnelAnalysis funnel =
        new FunnelAnalysis(
            List.of(
                EventCriteria.named("View"),
                EventCriteria.named("View", "Register"),
                EventCriteria.named("Invest"),
                EventCriteria.anyEvent()),
            Duration.ofHours(6),
            RANGE,
            null);
    UserEvents.byUser(events, UserResolver.byDistinctId(), e -> true)
        .forEach((user, userEvents) -> {
          ReferenceFunnel.Chain chain = ReferenceFunnel.chainOf(funnel, userEvents);
          assertThat(chain == null ? 0 : chain.level())
              .as(user)
              .isEqualTo(windowFunnel(funnel, userEvents));
        });
  }

  /**
   * ClickHouse 18.16's {@code windowFunnel(window)(t, c1, ..., cn)}, transcribed: each (time, step)
   * pair of a matching event, sorted by time then step; a step-1 pair restarts level 1; a step-k
   * pair extends level k-1 when within the window of that level's start.
   */
  private static int windowFunnel(FunnelAnalysis funnel, List<TrackedEvent> userEvents) {
    List<long[]> pairs = new ArrayList<>();
    for (TrackedEvent event : userEvents) {
      for (int step = 0; step < funnel.steps().size(); step++) {
        boolean inRange = step > 0 || funnel.range().contains(event.time());
        if (inRange && EventMatching.matches(funnel.steps().get(step), event)) {
          pairs.add(new long[] {event.time().toEpochMilli(), step});
        }
      }
    }
    pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
    long[] starts = new long[funnel.steps().size()];
    Arrays.fill(starts, -1);
    long window = funnel.window().toMillis();
    for (long[] pair : pairs) {
      int step = (int) pair[1];
      if (step == 0) {
        starts[0] = pair[0];
      } else if (starts[step - 1] >= 0 && pair[0] <= starts[step - 1] + window) {
        starts[step] = starts[step - 1];
      }
    }
    int level = 0;
    while (level < starts.length && starts[level] >= 0) {
      level++;
    }
    return level;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aWiderWindowNeverConvertsFewerUsers(long seed) {
    List<TrackedEvent> events = randomEvents(seed);
    List<EventCriteria> steps = List.of(EventCriteria.named("View"), EventCriteria.named("Invest"));
    FunnelResult narrow =
        ENGINE.run(new FunnelAnalysis(steps, Duration.ofHours(1), RANGE, null), events);
    FunnelResult wide =
        ENGINE.run(new FunnelAnalysis(steps, Duration.ofDays(3), RANGE, null), events);
    assertThat(wide.groups().getFirst().users().getLast())
        .isGreaterThanOrEqualTo(narrow.groups().getFirst().users().getLast());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void visitorsNeverOutnumberPageViewsAndGroupsAddUpToTheTotal(long seed) {
    List<TrackedEvent> events = randomEvents(seed);
    EventAnalysisResult result =
        ENGINE.run(
            new EventAnalysis(
                List.of(
                    Metric.pageViews(),
                    Metric.uniqueVisitors(),
                    new Metric(EventCriteria.anyEvent(), new Measure.EventCount())),
                Filter.none(),
                List.of(),
                RANGE,
                Granularity.DAY,
                false),
            events);
    List<EventAnalysisResult.Point> pv = result.current().get(0).points();
    List<EventAnalysisResult.Point> uv = result.current().get(1).points();
    for (int i = 0; i < pv.size(); i++) {
      assertThat(uv.get(i).value()).isLessThanOrEqualTo(pv.get(i).value());
    }
    BigDecimal total = sum(result.current().get(2).points());
    EventAnalysisResult grouped =
        ENGINE.run(
            new EventAnalysis(
                List.of(new Metric(EventCriteria.anyEvent(), new Measure.EventCount())),
                Filter.none(),
                List.of("os"),
                RANGE,
                Granularity.WEEK,
                false),
            events);
    BigDecimal groupedTotal =
        grouped.current().stream()
            .map(s -> sum(s.points()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(groupedTotal).isEqualByComparingTo(total);
    assertThat(total.longValue())
        .isEqualTo(events.stream().filter(e -> RANGE.contains(e.time())).count());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyEventInTheRangeLandsInExactlyOneBucketOfEachDistribution(long seed) {
    List<TrackedEvent> events = randomEvents(seed);
    long inRange = events.stream().filter(e -> RANGE.contains(e.time())).count();
    EventCriteria all = EventCriteria.anyEvent();
    assertThat(eventsIn(ENGINE.run(new DistributionAnalysis.HourOfDay(all, RANGE), events)))
        .isEqualTo(inRange);
    assertThat(eventsIn(ENGINE.run(new DistributionAnalysis.DayOfWeek(all, RANGE), events)))
        .isEqualTo(inRange);
    assertThat(
            eventsIn(
                ENGINE.run(
                    new DistributionAnalysis.EventsPerUser(all, RANGE, List.of(2L, 5L, 10L)),
                    events)))
        .isEqualTo(inRange);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void retentionNeverExceedsItsCohortAndFirstTimeCohortsAreDisjoint(long seed) {
    List<TrackedEvent> events = randomEvents(seed);
    EventCriteria view = EventCriteria.named("View");
    EventCriteria invest = EventCriteria.named("Invest");
    RetentionResult firstTime =
        ENGINE.run(
            new RetentionAnalysis(
                view,
                invest,
                RetentionAnalysis.RetentionUnit.DAY,
                7,
                RetentionAnalysis.CohortKind.FIRST_TIME,
                RANGE,
                null),
            events);
    RetentionResult recurring =
        ENGINE.run(
            new RetentionAnalysis(
                view,
                invest,
                RetentionAnalysis.RetentionUnit.DAY,
                7,
                RetentionAnalysis.CohortKind.RECURRING,
                RANGE,
                null),
            events);
    long users = 0;
    for (RetentionResult.Cohort cohort : firstTime.cohorts()) {
      cohort.retained().forEach(r -> assertThat(r).isLessThanOrEqualTo(cohort.users()));
      users += cohort.users();
    }
    assertThat(users).isLessThanOrEqualTo(25);
    for (int i = 0; i < firstTime.cohorts().size(); i++) {
      assertThat(firstTime.cohorts().get(i).users())
          .isLessThanOrEqualTo(recurring.cohorts().get(i).users());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aLongerSessionTimeoutNeverGivesMoreSessions(long seed) {
    List<TrackedEvent> events = randomEvents(seed);
    long previous = Long.MAX_VALUE;
    for (int minutes : new int[] {1, 10, 30, 120, 24 * 60}) {
      SessionResult result =
          ENGINE.run(
              new SessionAnalysis(
                  EventCriteria.anyEvent(),
                  Metric.PAGE_VIEWS,
                  null,
                  Duration.ofMinutes(minutes),
                  RANGE,
                  Granularity.TOTAL),
              events);
      long sessions = result.buckets().getFirst().sessions();
      assertThat(sessions).isLessThanOrEqualTo(previous);
      assertThat(result.startsByHour().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(sessions);
      previous = sessions;
    }
  }

  private static BigDecimal sum(List<EventAnalysisResult.Point> points) {
    return points.stream()
        .map(EventAnalysisResult.Point::value)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static long eventsIn(DistributionResult result) {
    return result.buckets().stream().mapToLong(DistributionResult.Bucket::events).sum();
  }
}
