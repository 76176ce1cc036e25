package dev.sextant.query.reference;

import static dev.sextant.query.reference.TestEvents.anEvent;
import static dev.sextant.query.reference.TestEvents.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.SessionAnalysis;
import dev.sextant.query.model.SessionResult;
import dev.sextant.query.model.TimeRange;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceSessionsTest {

  private static final ReferenceEngine ENGINE = ReferenceEngine.byDistinctId();
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
  private static final TimeRange ONE_DAY = TimeRange.of(MONDAY, MONDAY);

  static Stream<Arguments> gaps() {
    return Stream.of(
        Arguments.of(Duration.ofMinutes(29), 1),
        Arguments.of(Duration.ofMinutes(30), 1),
        Arguments.of(Duration.ofMinutes(30).plusMillis(1), 2),
        Arguments.of(Duration.ofHours(2), 2));
  }

  @ParameterizedTest(name = "a gap of {0} gives {1} session(s)")
  @MethodSource("gaps")
  void cutsOnlyAfterMoreThanTheTimeout(Duration gap, int sessions) {
    List<TrackedEvent> events =
        List.of(
            anEvent("$pageview").at("2026-01-05T10:00").build(),
            anEvent("$pageview").at(shanghai("2026-01-05T10:00").plus(gap)).build());
    assertThat(bucket(ENGINE.run(SessionAnalysis.of(ONE_DAY, Granularity.DAY), events)).sessions())
        .isEqualTo(sessions);
  }

  @Test
  void theTimeoutIsConfigurable() {
    List<TrackedEvent> events =
        List.of(
            anEvent("A").at("2026-01-05T10:00").build(),
            anEvent("A").at("2026-01-05T10:10").build());
    SessionAnalysis fiveMinutes =
        new SessionAnalysis(
            EventCriteria.anyEvent(),
            Metric.PAGE_VIEWS,
            null,
            Duration.ofMinutes(5),
            ONE_DAY,
            Granularity.DAY);
    assertThat(bucket(ENGINE.run(fiveMinutes, events)).sessions()).isEqualTo(2);
  }

  @Test
  void measuresDurationPagesAndBounces() {
    List<TrackedEvent> events =
        List.of(
            // u1: one session of 3 page views over 10 minutes, with a click.
            anEvent("$pageview").by("u1").at("2026-01-05T10:00").build(),
            anEvent("$AppClick").by("u1").at("2026-01-05T10:02").build(),
            anEvent("$pageview").by("u1").at("2026-01-05T10:05").build(),
            anEvent("$pageview").by("u1").at("2026-01-05T10:10").build(),
            // u2: a bounce: one page view and a click, 1 minute.
            anEvent("$pageview").by("u2").at("2026-01-05T11:00").build(),
            anEvent("$AppClick").by("u2").at("2026-01-05T11:01").build(),
            // u2 again later: a session without page views (not a bounce).
            anEvent("$AppClick").by("u2").at("2026-01-05T15:00").build());
    SessionResult.Bucket day =
        bucket(ENGINE.run(SessionAnalysis.of(ONE_DAY, Granularity.DAY), events));
    assertThat(day)
        .isEqualTo(
            new SessionResult.Bucket(
                shanghai("2026-01-05T00:00"), 3, 1, Duration.ofMinutes(11).toMillis(), 4));
    assertThat(day.averageDurationMillis()).isEqualByComparingTo("220000");
    assertThat(day.pagesPerSession()).isEqualByComparingTo("1.333333");
    assertThat(day.bounceRate()).isEqualByComparingTo("0.333333");
  }

  @Test
  void countsSessionStartsByLocalHourAndBucketsByStart() {
    // A session starting 23:50 on Monday and running past midnight belongs to Monday.
    List<TrackedEvent> events =
        List.of(
            anEvent("A").at("2026-01-05T23:50").build(),
            anEvent("A").at("2026-01-06T00:10").build());
    SessionResult result =
        ENGINE.run(
            SessionAnalysis.of(TimeRange.of(MONDAY, MONDAY.plusDays(1)), Granularity.DAY), events);
    assertThat(result.buckets()).extracting(SessionResult.Bucket::sessions).containsExactly(1L, 0L);
    assertThat(result.startsByHour().get(23)).isEqualTo(1);
    assertThat(result.startsByHour().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
  }

  @Test
  void eventsOutsideTheRangeDoNotJoinASession() {
    List<TrackedEvent> events =
        List.of(
            anEvent("A").at("2026-01-04T23:50").build(),
            anEvent("A").at("2026-01-05T00:10").build());
    SessionResult.Bucket day =
        bucket(ENGINE.run(SessionAnalysis.of(ONE_DAY, Granularity.DAY), events));
    assertThat(day.sessions()).isEqualTo(1);
    assertThat(day.durationMillis()).isZero();
  }

  @Test
  void dwellIsTheTimeToTheNextEventOfTheSameSession() {
    List<TrackedEvent> events =
        List.of(
            anEvent("$pageview").at("2026-01-05T10:00").with("$url", "/home").build(),
            anEvent("$AppClick").at("2026-01-05T10:01").build(),
            anEvent("$pageview").at("2026-01-05T10:03").with("$url", "/loan").build(),
            anEvent("$pageview").at("2026-01-05T10:04").with("$url", "/home").build(),
            // last of its session: no dwell
            anEvent("$pageview").at("2026-01-05T12:00").with("$url", "/loan").build());
    SessionAnalysis analysis =
        new SessionAnalysis(
            EventCriteria.anyEvent(),
            Metric.PAGE_VIEWS,
            "$url",
            SessionAnalysis.DEFAULT_TIMEOUT,
            ONE_DAY,
            Granularity.DAY);
    assertThat(ENGINE.run(analysis, events).dwell())
        .containsExactly(
            new SessionResult.PageDwell("/home", 1, 60_000),
            new SessionResult.PageDwell("/loan", 1, 60_000));
  }

  private static SessionResult.Bucket bucket(SessionResult result) {
    assertThat(result.buckets()).hasSize(1);
    return result.buckets().getFirst();
  }
}
