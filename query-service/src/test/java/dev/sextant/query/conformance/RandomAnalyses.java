package dev.sextant.query.conformance;

import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.RetentionAnalysis.CohortKind;
import dev.sextant.query.model.RetentionAnalysis.RetentionUnit;
import dev.sextant.query.model.SessionAnalysis;
import dev.sextant.query.model.TimeRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;

/** Random, valid analysis requests over {@link GeneratedEvents}' properties. */
final class RandomAnalyses {

  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Asia/Shanghai"),
          ZoneId.of("America/New_York"),
          ZoneId.of("UTC"),
          ZoneId.of("Asia/Kolkata"));

  private final SplittableRandom random;

  RandomAnalyses(long seed) {
    this.random = new SplittableRandom(seed);
  }

  EventAnalysis eventAnalysis() {
    List<Metric> metrics = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      metrics.add(new Metric(criteria(), measure()));
    }
    List<String> groupBy = new ArrayList<>();
    List<String> groupable = new ArrayList<>(List.of("$os", "vip", "theme", "amount", "birthday"));
    int groups = random.nextInt(3);
    for (int i = 0; i < groups; i++) {
      groupBy.add(groupable.remove(random.nextInt(groupable.size())));
    }
    TimeRange range = range();
    Granularity granularity = Granularity.values()[random.nextInt(Granularity.values().length)];
    return new EventAnalysis(
        metrics, maybeFilter(), groupBy, range, granularity, random.nextInt(4) == 0);
  }

  /**
   * Sessions with timeouts around the generated 7-minute grid (equal gaps continue a session, one
   * millisecond more cuts it) and far from it, over either page-view criteria.
   */
  SessionAnalysis sessionAnalysis() {
    EventCriteria events = random.nextInt(3) == 0 ? criteria() : EventCriteria.anyEvent();
    EventCriteria pageViews = random.nextBoolean() ? Metric.PAGE_VIEWS : criteria();
    String pageProperty = pick(Arrays.asList(null, "$url", "$url", "theme", "amount"));
    Duration timeout =
        pick(
            List.of(
                Duration.ofMinutes(1),
                Duration.ofMinutes(7),
                Duration.ofMinutes(7).minusMillis(1),
                Duration.ofMinutes(7).plusMillis(1),
                Duration.ofMinutes(14),
                Duration.ofMinutes(30),
                Duration.ofMinutes(1 + random.nextInt(180)),
                Duration.ofHours(24)));
    TimeRange range = random.nextInt(3) == 0 ? rangeAcrossDaylightSaving() : range();
    Granularity granularity = Granularity.values()[random.nextInt(Granularity.values().length)];
    return new SessionAnalysis(events, pageViews, pageProperty, timeout, range, granularity);
  }

  /**
   * Event analyses led by a new-users metric, over ranges that reach back to the users first seen
   * before {@link GeneratedEvents#FIRST_DAY}.
   */
  EventAnalysis newUsersAnalysis() {
    List<Metric> metrics = new ArrayList<>();
    metrics.add(
        new Metric(
            random.nextInt(3) == 0 ? EventCriteria.anyEvent() : criteria(),
            new Measure.NewUsers()));
    if (random.nextBoolean()) {
      metrics.add(new Metric(criteria(), measure()));
    }
    List<String> groupBy = new ArrayList<>();
    if (random.nextBoolean()) {
      groupBy.add(pick(List.of("$os", "vip", "theme", "amount", "birthday")));
    }
    LocalDate from = GeneratedEvents.FIRST_DAY.minusDays(35 - random.nextInt(50));
    TimeRange range = new TimeRange(from, from.plusDays(random.nextInt(31)), pick(ZONES));
    Granularity granularity = Granularity.values()[random.nextInt(Granularity.values().length)];
    return new EventAnalysis(
        metrics, maybeFilter(), groupBy, range, granularity, random.nextInt(3) == 0);
  }

  DistributionAnalysis distributionAnalysis() {
    EventCriteria events = random.nextInt(3) == 0 ? EventCriteria.anyEvent() : criteria();
    TimeRange range = range();
    return switch (random.nextInt(4)) {
      case 0 -> {
        TreeSet<Long> bounds = new TreeSet<>();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
          bounds.add(2L + random.nextInt(60));
        }
        yield new DistributionAnalysis.EventsPerUser(events, range, List.copyOf(bounds));
      }
      case 1 -> new DistributionAnalysis.HourOfDay(events, range);
      case 2 -> new DistributionAnalysis.DayOfWeek(events, range);
      default -> {
        TreeSet<BigDecimal> bounds = new TreeSet<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
          bounds.add(number());
        }
        yield new DistributionAnalysis.Histogram(events, "amount", range, List.copyOf(bounds));
      }
    };
  }

  /** 2 to 5 steps with filters, windows of a minute to days, sometimes grouped. */
  FunnelAnalysis funnel() {
    List<EventCriteria> steps = new ArrayList<>();
    int count = 2 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      steps.add(criteria());
    }
    Duration window =
        pick(
            List.of(
                Duration.ofMinutes(1),
                Duration.ofMinutes(7),
                Duration.ofMinutes(14).plusSeconds(1),
                Duration.ofHours(1),
                Duration.ofHours(6),
                Duration.ofDays(1),
                Duration.ofDays(3).plusSeconds(59)));
    return new FunnelAnalysis(steps, window, range(), maybeGroupBy());
  }

  /**
   * A random funnel's drill-down: any step and outcome; for a grouped funnel, usually one of the
   * groups {@code groupsOf} says it has (a group without users now and then).
   */
  FunnelUsers funnelUsers(Function<FunnelAnalysis, List<GroupKey>> groupsOf) {
    FunnelAnalysis funnel = funnel();
    int step = 1 + random.nextInt(funnel.steps().size());
    FunnelUsers.Outcome outcome =
        step > 1 && random.nextBoolean()
            ? FunnelUsers.Outcome.DROPPED
            : FunnelUsers.Outcome.REACHED;
    GroupKey group = null;
    if (funnel.groupBy() != null && random.nextInt(4) > 0) {
      List<GroupKey> groups = groupsOf.apply(funnel);
      group =
          groups.isEmpty() || random.nextInt(6) == 0 ? GroupKey.of((Object) null) : pick(groups);
    }
    return new FunnelUsers(funnel, step, outcome, group);
  }

  /** Any unit, 1 to 10 periods, both cohort kinds, sometimes grouped. */
  RetentionAnalysis retention() {
    return new RetentionAnalysis(
        criteria(),
        criteria(),
        pick(List.of(RetentionUnit.values())),
        1 + random.nextInt(10),
        pick(List.of(CohortKind.values())),
        range(),
        maybeGroupBy());
  }

  private String maybeGroupBy() {
    return random.nextInt(3) == 0
        ? null
        : pick(List.of("$os", "vip", "theme", "amount", "birthday"));
  }

  Measure measure() {
    return switch (random.nextInt(9)) {
      case 7 -> new Measure.NewUsers();
      case 0 -> new Measure.UserCount();
      case 1 -> new Measure.EventsPerUser();
      case 2 -> new Measure.Sum("amount");
      case 3 -> new Measure.Average("amount");
      case 4 -> new Measure.Minimum("amount");
      case 5 -> new Measure.Maximum("amount");
      case 6 -> new Measure.DistinctValues(pick(List.of("$os", "amount", "tags", "vip")));
      default -> new Measure.EventCount();
    };
  }

  EventCriteria criteria() {
    EventCriteria criteria =
        random.nextInt(4) == 0
            ? EventCriteria.anyEvent()
            : EventCriteria.named(
                random.nextBoolean()
                    ? new String[] {pick(GeneratedEvents.EVENTS)}
                    : new String[] {"View", "Invest", "$pageview"});
    return random.nextBoolean() ? criteria : criteria.where(filter(2));
  }

  Filter maybeFilter() {
    return random.nextInt(3) == 0 ? filter(2) : Filter.none();
  }

  Filter filter(int depth) {
    if (depth > 0 && random.nextInt(3) == 0) {
      List<Filter> members = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        members.add(filter(depth - 1));
      }
      return random.nextBoolean() ? new Filter.AllOf(members) : new Filter.AnyOf(members);
    }
    return comparison();
  }

  private Filter comparison() {
    return switch (random.nextInt(6)) {
      case 0 ->
          Filter.where(
              "$os",
              pick(List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN)),
              Literal.of(pick(List.of("iOS", "Android", "Web"))));
      case 1 ->
          Filter.where("theme", Operator.CONTAINS, Literal.of(pick(List.of("红", "'", "\\", ""))));
      case 2 -> {
        Operator operator =
            pick(
                List.of(
                    Operator.GT, Operator.GE, Operator.LT, Operator.LE, Operator.EQ, Operator.NE));
        yield Filter.where("amount", operator, Literal.of(number()));
      }
      case 3 ->
          Filter.where(
              "vip", pick(List.of(Operator.EQ, Operator.NE)), Literal.of(random.nextBoolean()));
      case 4 ->
          Filter.where("tags", Operator.CONTAINS, Literal.of(pick(List.of("new", "p2p", "x"))));
      default ->
          Filter.where(
              pick(List.of("$os", "amount", "vip", "tags", "birthday", "theme")),
              pick(List.of(Operator.IS_SET, Operator.NOT_SET)));
    };
  }

  BigDecimal number() {
    return new BigDecimal(random.nextInt(2000) - 200).movePointLeft(random.nextInt(3));
  }

  TimeRange range() {
    LocalDate from = GeneratedEvents.FIRST_DAY.plusDays(random.nextInt(15));
    LocalDate to = from.plusDays(random.nextInt(10));
    return new TimeRange(from, to, pick(ZONES));
  }

  /** A New York range over the switch to daylight-saving time (2026-03-08, a 23-hour day). */
  TimeRange rangeAcrossDaylightSaving() {
    LocalDate from = LocalDate.of(2026, 3, 3 + random.nextInt(6));
    return new TimeRange(
        from, LocalDate.of(2026, 3, 8 + random.nextInt(5)), ZoneId.of("America/New_York"));
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
