package dev.sextant.query.reference;

import static dev.sextant.query.reference.TestEvents.anEvent;
import static dev.sextant.query.reference.TestEvents.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventAnalysisResult;
import dev.sextant.query.model.EventAnalysisResult.Point;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.TimeRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceEventAnalysisTest {

  private static final ReferenceEngine ENGINE = ReferenceEngine.byDistinctId();
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
  private static final TimeRange ONE_DAY = TimeRange.of(MONDAY, MONDAY);
  private static final EventCriteria INVEST = EventCriteria.named("P2P_Invest");

  private static final List<TrackedEvent> INVESTMENTS =
      List.of(
          anEvent("P2P_Invest").by("u1").at("2026-01-05T09:00").with("amount", 100L).build(),
          anEvent("P2P_Invest")
              .by("u1")
              .at("2026-01-05T10:00")
              .with("amount", new BigDecimal("50.5"))
              .build(),
          anEvent("P2P_Invest").by("u2").at("2026-01-05T11:00").with("amount", 100L).build(),
          anEvent("P2P_Invest").by("u3").at("2026-01-05T12:00").with("amount", "n/a").build(),
          anEvent("$pageview").by("u4").at("2026-01-05T12:00").build());

  static Stream<Arguments> measures() {
    return Stream.of(
        Arguments.of(new Measure.EventCount(), "4"),
        Arguments.of(new Measure.UserCount(), "3"),
        Arguments.of(new Measure.EventsPerUser(), "1.333333"),
        Arguments.of(new Measure.Sum("amount"), "250.5"),
        Arguments.of(new Measure.Average("amount"), "83.5"),
        Arguments.of(new Measure.Minimum("amount"), "50.5"),
        Arguments.of(new Measure.Maximum("amount"), "100"),
        Arguments.of(new Measure.DistinctValues("amount"), "3"),
        Arguments.of(new Measure.Sum("missing"), "0"),
        Arguments.of(new Measure.Average("missing"), null),
        Arguments.of(new Measure.Minimum("missing"), null));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("measures")
  void computesEachMeasure(Measure measure, String expected) {
    Point point = onlyPoint(ENGINE.run(analysis(new Metric(INVEST, measure)), INVESTMENTS));
    if (expected == null) {
      assertThat(point.value()).isNull();
    } else {
      assertThat(point.value()).isEqualByComparingTo(expected);
    }
  }

  @Test
  void anEventAtShanghaiMidnightBelongsToTheShanghaiDayNotTheUtcDay() {
    // 2026-01-05T00:30 in Shanghai is 2026-01-04T16:30Z: the UTC date is the day before.
    List<TrackedEvent> events =
        List.of(
            anEvent("A").at("2026-01-05T00:30").build(),
            anEvent("A").at("2026-01-04T23:59:59.999").build());
    EventAnalysisResult result =
        ENGINE.run(
            EventAnalysis.of(
                new Metric(EventCriteria.anyEvent(), new Measure.EventCount()),
                TimeRange.of(MONDAY.minusDays(1), MONDAY),
                Granularity.DAY),
            events);
    assertThat(values(result)).containsExactly("1", "1");
    assertThat(points(result).get(1).bucket()).isEqualTo(Instant.parse("2026-01-04T16:00:00Z"));
  }

  @Test
  void weeksStartOnMondayAndTheFirstBucketMayStartBeforeTheRange() {
    // Range Wednesday 2026-01-07 .. Monday 2026-01-12: weeks of Monday 5th and Monday 12th.
    List<TrackedEvent> events =
        List.of(
            anEvent("A").at("2026-01-06T12:00").build(), // Tuesday, before the range
            anEvent("A").at("2026-01-07T00:00").build(),
            anEvent("A").at("2026-01-11T23:59").build(), // Sunday
            anEvent("A").at("2026-01-12T00:00").build()); // Monday
    EventAnalysisResult result =
        ENGINE.run(
            EventAnalysis.of(
                countAll(),
                TimeRange.of(LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 12)),
                Granularity.WEEK),
            events);
    assertThat(values(result)).containsExactly("2", "1");
    assertThat(points(result).getFirst().bucket()).isEqualTo(shanghai("2026-01-05T00:00"));
  }

  @Test
  void monthsAreCalendarMonthsInTheZone() {
    List<TrackedEvent> events =
        List.of(
            anEvent("A").at("2026-01-31T23:59").build(),
            anEvent("A").at("2026-02-01T00:00").build(),
            anEvent("A").at("2026-02-28T08:00").build());
    EventAnalysisResult result =
        ENGINE.run(
            EventAnalysis.of(
                countAll(),
                TimeRange.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 28)),
                Granularity.MONTH),
            events);
    assertThat(values(result)).containsExactly("1", "2");
  }

  @Test
  void hoursFollowDaylightSavingInNewYork() {
    ZoneId newYork = ZoneId.of("America/New_York");
    TimeRange fallBack =
        new TimeRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), newYork);
    TimeRange springForward =
        new TimeRange(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8), newYork);
    // 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) are different hours with the same local label.
    List<TrackedEvent> events =
        List.of(
            anEvent("A").at(Instant.parse("2026-11-01T05:30:00Z")).build(),
            anEvent("A").at(Instant.parse("2026-11-01T06:30:00Z")).build());
    EventAnalysisResult result =
        ENGINE.run(EventAnalysis.of(countAll(), fallBack, Granularity.HOUR), events);
    assertThat(points(result)).hasSize(25);
    assertThat(points(result).get(1))
        .isEqualTo(new Point(Instant.parse("2026-11-01T05:00:00Z"), BigDecimal.ONE));
    assertThat(points(result).get(2))
        .isEqualTo(new Point(Instant.parse("2026-11-01T06:00:00Z"), BigDecimal.ONE));
    assertThat(
            points(
                ENGINE.run(EventAnalysis.of(countAll(), springForward, Granularity.HOUR), events)))
        .hasSize(23);
    assertThat(
            points(ENGINE.run(EventAnalysis.of(countAll(), fallBack, Granularity.DAY), events))
                .getFirst())
        .isEqualTo(new Point(Instant.parse("2026-11-01T04:00:00Z"), BigDecimal.TWO));
  }

  @Test
  void hoursAreLocalHoursEvenWhereTheOffsetIsNotWholeHours() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+05:30: local hours start at :30 UTC
    TimeRange day = new TimeRange(MONDAY, MONDAY, kolkata);
    List<TrackedEvent> events =
        List.of(anEvent("A").at(Instant.parse("2026-01-05T10:45:00Z")).build()); // 16:15 local
    List<Point> points =
        points(ENGINE.run(EventAnalysis.of(countAll(), day, Granularity.HOUR), events));
    assertThat(points.get(16))
        .isEqualTo(new Point(Instant.parse("2026-01-05T10:30:00Z"), BigDecimal.ONE));
  }

  @Test
  void aFirstEventTieAtTheSameMillisecondGoesToTheSmallerInsertId() {
    List<TrackedEvent> events =
        List.of(
            anEvent("A")
                .by("u1")
                .at("2026-01-05T10:00")
                .insertId("b")
                .with("channel", "seo")
                .build(),
            anEvent("A")
                .by("u1")
                .at("2026-01-05T10:00")
                .insertId("a")
                .with("channel", "ad")
                .build());
    EventAnalysisResult result =
        ENGINE.run(
            new EventAnalysis(
                List.of(Metric.newUsers()),
                Filter.none(),
                List.of("channel"),
                ONE_DAY,
                Granularity.DAY,
                false),
            events);
    assertThat(result.current()).hasSize(1);
    assertThat(value(result, GroupKey.of("ad"))).isEqualByComparingTo("1");
  }

  @Test
  void shanghaiHasNoDaylightSavingSoEveryDayHas24Hours() {
    TimeRange range = TimeRange.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8));
    assertThat(points(ENGINE.run(EventAnalysis.of(countAll(), range, Granularity.HOUR), List.of())))
        .hasSize(24)
        .allSatisfy(p -> assertThat(p.value()).isEqualByComparingTo("0"));
  }

  @Test
  void totalIsOneBucketAtTheStartOfTheRange() {
    EventAnalysisResult result =
        ENGINE.run(
            EventAnalysis.of(
                countAll(), TimeRange.of(MONDAY.minusDays(6), MONDAY), Granularity.TOTAL),
            INVESTMENTS);
    assertThat(onlyPoint(result))
        .isEqualTo(new Point(shanghai("2025-12-30T00:00"), BigDecimal.valueOf(5)));
  }

  @Test
  void groupsByUpToThreePropertiesWithUnsetAsNull() {
    List<TrackedEvent> events =
        List.of(
            anEvent("Buy").with("os", "iOS").with("vip", true).build(),
            anEvent("Buy").with("os", "iOS").with("vip", true).build(),
            anEvent("Buy").with("os", "iOS").build(),
            anEvent("Buy").with("os", "Android").with("vip", false).build());
    EventAnalysisResult result =
        ENGINE.run(
            new EventAnalysis(
                List.of(countAll()),
                Filter.none(),
                List.of("os", "vip"),
                ONE_DAY,
                Granularity.DAY,
                false),
            events.stream().map(e -> TestEvents.retimed(e, "2026-01-05T10:00")).toList());
    assertThat(result.current()).hasSize(3);
    assertThat(value(result, GroupKey.of("iOS", true))).isEqualByComparingTo("2");
    assertThat(value(result, GroupKey.of("iOS", null))).isEqualByComparingTo("1");
    assertThat(value(result, GroupKey.of("Android", false))).isEqualByComparingTo("1");
  }

  @Test
  void appliesTheAnalysisFilterAndTheMetricCriteria() {
    EventAnalysis analysis =
        new EventAnalysis(
            List.of(new Metric(INVEST, new Measure.EventCount()), Metric.pageViews()),
            Filter.where("amount", Operator.GE, Literal.of(100)),
            List.of(),
            ONE_DAY,
            Granularity.DAY,
            false);
    EventAnalysisResult result = ENGINE.run(analysis, INVESTMENTS);
    assertThat(result.series(0, GroupKey.NONE).points().getFirst().value())
        .isEqualByComparingTo("2");
    assertThat(result.series(1, GroupKey.NONE).points().getFirst().value())
        .isEqualByComparingTo("0");
  }

  @Test
  void comparesWithThePreviousPeriodOfTheSameLength() {
    List<TrackedEvent> events =
        List.of(
            anEvent("A").at("2026-01-03T10:00").build(),
            anEvent("A").at("2026-01-04T10:00").build(),
            anEvent("A").at("2026-01-04T11:00").build(),
            anEvent("A").at("2026-01-05T10:00").build());
    EventAnalysisResult result =
        ENGINE.run(
            new EventAnalysis(
                List.of(countAll()),
                Filter.none(),
                List.of(),
                TimeRange.of(MONDAY.minusDays(1), MONDAY),
                Granularity.DAY,
                true),
            events);
    assertThat(values(result)).containsExactly("2", "1");
    assertThat(result.previous().getFirst().points())
        .extracting(p -> p.value().toPlainString())
        .containsExactly("0", "1");
    assertThat(result.previous().getFirst().points().getFirst().bucket())
        .isEqualTo(shanghai("2026-01-02T00:00"));
  }

  @Test
  void pageViewsAndVisitorsCountBothWebAndAppPages() {
    List<TrackedEvent> events =
        List.of(
            anEvent("$pageview").by("u1").at("2026-01-05T10:00").build(),
            anEvent("$AppViewScreen").by("u1").at("2026-01-05T10:01").build(),
            anEvent("$AppViewScreen").by("u2").at("2026-01-05T10:02").build(),
            anEvent("$AppClick").by("u3").at("2026-01-05T10:03").build());
    assertThat(
            onlyPoint(
                    ENGINE.run(
                        EventAnalysis.of(Metric.pageViews(), ONE_DAY, Granularity.DAY), events))
                .value())
        .isEqualByComparingTo("3");
    assertThat(
            onlyPoint(
                    ENGINE.run(
                        EventAnalysis.of(Metric.uniqueVisitors(), ONE_DAY, Granularity.DAY),
                        events))
                .value())
        .isEqualByComparingTo("2");
    assertThat(onlyPoint(ENGINE.run(EventAnalysis.dailyActiveUsers(ONE_DAY), events)).value())
        .isEqualByComparingTo("3");
  }

  @Test
  void activeUsersPerWeekAndMonthCountEachUserOnce() {
    List<TrackedEvent> events =
        List.of(
            anEvent("A").by("u1").at("2026-01-05T10:00").build(),
            anEvent("A").by("u1").at("2026-01-06T10:00").build(),
            anEvent("A").by("u2").at("2026-01-06T10:00").build());
    TimeRange week = TimeRange.of(MONDAY, MONDAY.plusDays(6));
    assertThat(values(ENGINE.run(EventAnalysis.dailyActiveUsers(week), events)))
        .containsExactly("1", "2", "0", "0", "0", "0", "0");
    assertThat(values(ENGINE.run(EventAnalysis.weeklyActiveUsers(week), events)))
        .containsExactly("2");
    assertThat(values(ENGINE.run(EventAnalysis.monthlyActiveUsers(week), events)))
        .containsExactly("2");
  }

  @Test
  void newUsersAreCountedOnTheDayOfTheirFirstEventEver() {
    List<TrackedEvent> events =
        List.of(
            anEvent("A").by("old").at("2025-12-01T10:00").build(),
            anEvent("A").by("old").at("2026-01-05T10:00").build(),
            anEvent("B").by("new").at("2026-01-05T10:00").with("channel", "ad").build(),
            anEvent("A").by("new").at("2026-01-06T10:00").build(),
            anEvent("A").by("later").at("2026-01-06T23:59").build());
    TimeRange twoDays = TimeRange.of(MONDAY, MONDAY.plusDays(1));
    assertThat(
            values(
                ENGINE.run(EventAnalysis.of(Metric.newUsers(), twoDays, Granularity.DAY), events)))
        .containsExactly("1", "1");
    EventAnalysisResult grouped =
        ENGINE.run(
            new EventAnalysis(
                List.of(Metric.newUsers()),
                Filter.none(),
                List.of("channel"),
                twoDays,
                Granularity.TOTAL,
                false),
            events);
    assertThat(value(grouped, GroupKey.of("ad"))).isEqualByComparingTo("1");
    assertThat(value(grouped, GroupKey.of((Object) null))).isEqualByComparingTo("1");
    // A new user counts only if the first event itself meets the metric's criteria.
    assertThat(
            values(
                ENGINE.run(
                    EventAnalysis.of(
                        new Metric(EventCriteria.named("A"), new Measure.NewUsers()),
                        twoDays,
                        Granularity.TOTAL),
                    events)))
        .containsExactly("1");
  }

  @Test
  void aUserResolverMergesIds() {
    List<TrackedEvent> events =
        List.of(
            anEvent("A").by("anon-1").at("2026-01-05T10:00").build(),
            anEvent("A").by("login-1").at("2026-01-05T11:00").build());
    ReferenceEngine merged =
        new ReferenceEngine(e -> e.distinctId().equals("anon-1") ? "login-1" : e.distinctId());
    assertThat(onlyPoint(merged.run(EventAnalysis.dailyActiveUsers(ONE_DAY), events)).value())
        .isEqualByComparingTo("1");
    assertThat(onlyPoint(ENGINE.run(EventAnalysis.dailyActiveUsers(ONE_DAY), events)).value())
        .isEqualByComparingTo("2");
  }

  private static Metric countAll() {
    return new Metric(EventCriteria.anyEvent(), new Measure.EventCount());
  }

  private static EventAnalysis analysis(Metric metric) {
    return EventAnalysis.of(metric, ONE_DAY, Granularity.DAY);
  }

  private static List<Point> points(EventAnalysisResult result) {
    assertThat(result.current()).hasSize(1);
    return result.current().getFirst().points();
  }

  private static Point onlyPoint(EventAnalysisResult result) {
    assertThat(points(result)).hasSize(1);
    return points(result).getFirst();
  }

  private static List<String> values(EventAnalysisResult result) {
    return points(result).stream().map(p -> p.value().toPlainString()).toList();
  }

  private static BigDecimal value(EventAnalysisResult result, GroupKey group) {
    return result.series(0, group).points().getFirst().value();
  }
}
