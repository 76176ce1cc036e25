package dev.sextant.query.model;

import static dev.sextant.query.model.Literal.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidationTest {

  private static final TimeRange JANUARY =
      TimeRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
  private static final EventCriteria BUY = EventCriteria.named("Buy");

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
        invalid("blank property", () -> Filter.where(" ", Operator.EQ, of(1)), "property"),
        invalid("sql in a property", () -> Filter.where("a;drop", Operator.EQ, of(1)), "property"),
        invalid("eq without value", () -> Filter.where("a", Operator.EQ), "values"),
        invalid("eq with two values", () -> Filter.where("a", Operator.EQ, of(1), of(2)), "values"),
        invalid("is_set with a value", () -> Filter.where("a", Operator.IS_SET, of(1)), "values"),
        invalid("in without values", () -> Filter.where("a", Operator.IN), "values"),
        invalid(
            "in of mixed kinds", () -> Filter.where("a", Operator.IN, of(1), of("x")), "values[1]"),
        invalid("gt on a string", () -> Filter.where("a", Operator.GT, of("x")), "values[0]"),
        invalid(
            "between reversed", () -> Filter.where("a", Operator.BETWEEN, of(5), of(1)), "values"),
        invalid("between one value", () -> Filter.where("a", Operator.BETWEEN, of(5)), "values"),
        invalid(
            "contains a number", () -> Filter.where("a", Operator.CONTAINS, of(5)), "values[0]"),
        invalid("empty OR group", () -> new Filter.AnyOf(List.of()), "filters"),
        invalid("groups nested too deep", RequestValidationTest::deepFilter, "filters[0]"),
        invalid(
            "range ends before it starts",
            () -> TimeRange.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)),
            "to"),
        invalid(
            "range over ten years",
            () -> TimeRange.of(LocalDate.of(2010, 1, 1), LocalDate.of(2026, 1, 1)),
            "to"),
        invalid(
            "range without zone",
            () -> new TimeRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), null),
            "zone"),
        invalid("duplicate event names", () -> EventCriteria.named("a", "a"), "events"),
        invalid("blank event name", () -> EventCriteria.named("a", " "), "events[1]"),
        invalid(
            "no metrics",
            () ->
                new EventAnalysis(
                    List.of(), Filter.none(), List.of(), JANUARY, Granularity.DAY, false),
            "metrics"),
        invalid(
            "four group-by properties",
            () -> eventAnalysis(List.of("a", "b", "c", "d"), Granularity.DAY),
            "groupBy"),
        invalid(
            "duplicate group-by",
            () -> eventAnalysis(List.of("a", "a"), Granularity.DAY),
            "groupBy"),
        invalid(
            "bad group-by name",
            () -> eventAnalysis(List.of("a b"), Granularity.DAY),
            "groupBy[0]"),
        invalid(
            "hourly over a month",
            () ->
                new EventAnalysis(
                    List.of(Metric.pageViews()),
                    Filter.none(),
                    List.of(),
                    TimeRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)),
                    Granularity.HOUR,
                    false),
            "granularity"),
        invalid("sum of a bad name", () -> new Measure.Sum("1x"), "property"),
        invalid("one-step funnel", () -> funnel(List.of(BUY), Duration.ofDays(1)), "steps"),
        invalid(
            "seventeen-step funnel",
            () -> funnel(Collections.nCopies(17, BUY), Duration.ofDays(1)),
            "steps"),
        invalid(
            "window under a minute",
            () -> funnel(List.of(BUY, BUY), Duration.ofSeconds(59)),
            "window"),
        invalid(
            "window over 180 days",
            () -> funnel(List.of(BUY, BUY), Duration.ofDays(180).plusSeconds(1)),
            "window"),
        invalid(
            "window with milliseconds",
            () -> funnel(List.of(BUY, BUY), Duration.ofMinutes(5).plusMillis(1)),
            "window"),
        invalid("retention of 0 periods", () -> retention(0), "periods"),
        invalid("retention of 367 periods", () -> retention(367), "periods"),
        invalid(
            "session timeout under a minute",
            () ->
                new SessionAnalysis(
                    EventCriteria.anyEvent(),
                    Metric.PAGE_VIEWS,
                    null,
                    Duration.ofSeconds(30),
                    JANUARY,
                    Granularity.DAY),
            "timeout"),
        invalid(
            "events-per-user bounds from 1",
            () -> new DistributionAnalysis.EventsPerUser(BUY, JANUARY, List.of(1L, 5L)),
            "bounds[0]"),
        invalid(
            "events-per-user bounds not increasing",
            () -> new DistributionAnalysis.EventsPerUser(BUY, JANUARY, List.of(2L, 2L)),
            "bounds[1]"),
        invalid(
            "histogram bounds not increasing",
            () ->
                new DistributionAnalysis.Histogram(
                    BUY, "amount", JANUARY, List.of(BigDecimal.TEN, BigDecimal.ONE)),
            "bounds[1]"),
        invalid(
            "histogram without bounds",
            () -> new DistributionAnalysis.Histogram(BUY, "amount", JANUARY, List.of()),
            "bounds"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRequests")
  void refusesInvalidRequestsNamingTheField(
      String name, Supplier<Object> request, String expectedField) {
    assertThatThrownBy(request::get)
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo(expectedField))
        .hasMessageStartingWith(expectedField + ": ");
  }

  @Test
  void acceptsTheLimits() {
    assertThat(funnel(Collections.nCopies(16, BUY), Duration.ofDays(180)).steps()).hasSize(16);
    assertThat(funnel(List.of(BUY, BUY), Duration.ofMinutes(1)).window()).hasMinutes(1);
    assertThat(eventAnalysis(List.of("a", "b", "c"), Granularity.WEEK).groupBy()).hasSize(3);
    assertThat(retention(366).periods()).isEqualTo(366);
    assertThat(Filter.where("a", Operator.BETWEEN, of(5), of(5))).isNotNull();
    assertThat(
            Filter.where(
                    "a",
                    Operator.IN,
                    IntStream.range(0, Operator.MAX_IN_VALUES)
                        .mapToObj(Literal::of)
                        .toArray(Literal[]::new))
                .depth())
        .isZero();
  }

  @Test
  void aRangeIsInclusiveLocalDatesInItsZone() {
    TimeRange day = TimeRange.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5));
    assertThat(day.start()).hasToString("2026-01-04T16:00:00Z");
    assertThat(day.end()).hasToString("2026-01-05T16:00:00Z");
    assertThat(day.previous())
        .isEqualTo(TimeRange.of(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 1, 4)));
    assertThat(JANUARY.previous().from()).isEqualTo(LocalDate.of(2025, 12, 1));
    TimeRange springForward =
        new TimeRange(
            LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8), ZoneId.of("America/New_York"));
    assertThat(Duration.between(springForward.start(), springForward.end())).hasHours(23);
  }

  @Test
  void numbersAreNormalisedSoFiveEqualsFivePointZero() {
    assertThat(of(new BigDecimal("5.00"))).isEqualTo(of(5));
    assertThat(GroupKey.of(5L)).isEqualTo(GroupKey.of(new BigDecimal("5.0")));
  }

  private static Arguments invalid(String name, Supplier<Object> request, String field) {
    return Arguments.of(name, request, field);
  }

  private static Object deepFilter() {
    Filter filter = Filter.where("a", Operator.IS_SET);
    for (int i = 0; i < Filter.MAX_DEPTH; i++) {
      filter = Filter.all(filter);
    }
    return Filter.all(filter);
  }

  private static EventAnalysis eventAnalysis(List<String> groupBy, Granularity granularity) {
    return new EventAnalysis(
        List.of(Metric.pageViews()), Filter.none(), groupBy, JANUARY, granularity, false);
  }

  private static FunnelAnalysis funnel(List<EventCriteria> steps, Duration window) {
    return new FunnelAnalysis(steps, window, JANUARY, null);
  }

  private static RetentionAnalysis retention(int periods) {
    return new RetentionAnalysis(
        BUY,
        BUY,
        RetentionAnalysis.RetentionUnit.DAY,
        periods,
        RetentionAnalysis.CohortKind.FIRST_TIME,
        JANUARY,
        null);
  }
}
