package dev.sextant.query.conformance;

import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.RetentionAnalysis.CohortKind;
import dev.sextant.query.model.RetentionAnalysis.RetentionUnit;
import dev.sextant.query.model.TimeRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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
    return switch (random.nextInt(8)) {
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

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
