package dev.sextant.query.sql;

import static dev.sextant.query.sql.EventSource.USER;

import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.EventWindow;
import dev.sextant.query.model.Frequency;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Segment;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Segments (用户分群) as one grouped query ({@code docs/analyses.md}, "Segments"): per user, over all
 * of the project's events, one or two aggregates per condition (matching events in the window, the
 * sum of a property, the time of the first matching event); the rule is then a boolean expression
 * over them, so AND / OR / "did not" cost nothing more. Users are {@link EventSource#USER}, i.e.
 * after ID mapping.
 */
public final class SegmentCompiler {

  private final EventSource source;
  private final SqlDialect dialect;

  public SegmentCompiler(EventSource source) {
    this.source = source;
    this.dialect = source.dialect();
  }

  /**
   * {@code SELECT user_id FROM ...}: the members, one row each, in no particular order; usable as a
   * subquery ({@code user_id IN (...)}).
   *
   * @throws InvalidQueryException when the rule names unknown properties or sums a non-number
   */
  public String members(Segment segment) {
    Aggregates aggregates = new Aggregates();
    String condition = condition(segment, segment.rule(), aggregates, "rule");
    List<String> select = new ArrayList<>();
    select.add(USER);
    select.addAll(aggregates.columns);
    if (aggregates.columns.isEmpty()) {
      select.add("1 AS no_condition");
    }
    return "SELECT "
        + USER
        + " FROM (SELECT "
        + String.join(", ", select)
        + " FROM "
        + source.relation(aggregates.properties, null, null, SqlCondition.TRUE)
        + " AS e GROUP BY "
        + USER
        + ") AS per_user WHERE "
        + condition;
  }

  /** The number of members. */
  public CompiledAnalysis<Long> count(Segment segment) {
    return new CompiledAnalysis<>(
        List.of("SELECT count(*) AS users FROM (" + members(segment) + ") AS m"),
        rows ->
            rows.getFirst().rows().isEmpty()
                ? 0L
                : QueryRows.asLong(rows.getFirst().rows().getFirst().getFirst()));
  }

  /**
   * Up to {@code limit} members after {@code after} (null for the first page), in the engine's
   * string order (byte order of UTF-8 on both engines): a keyset page, stable while members change.
   */
  public CompiledAnalysis<List<String>> page(Segment segment, String after, int limit) {
    if (limit < 1 || limit > 100_000) {
      throw new InvalidQueryException("limit", "must be 1 to 100000");
    }
    String where = after == null ? "" : " WHERE " + USER + " > " + dialect.string(after);
    return new CompiledAnalysis<>(
        List.of(
            "SELECT "
                + USER
                + " FROM ("
                + members(segment)
                + ") AS m"
                + where
                + " ORDER BY "
                + USER
                + " LIMIT "
                + limit),
        rows -> rows.getFirst().rows().stream().map(row -> (String) row.getFirst()).toList());
  }

  /** The per-user aggregate columns the conditions read, and the properties they need. */
  private static final class Aggregates {
    final List<String> columns = new ArrayList<>();
    final Set<String> properties = new LinkedHashSet<>();

    String add(String expression) {
      String name = "c" + columns.size();
      columns.add(expression + " AS " + name);
      return name;
    }
  }

  private String condition(Segment segment, SegmentRule rule, Aggregates aggregates, String field) {
    return switch (rule) {
      case SegmentRule.AllOf all -> group(segment, all.rules(), " AND ", aggregates, field);
      case SegmentRule.AnyOf any -> group(segment, any.rules(), " OR ", aggregates, field);
      case SegmentRule.Behaviour behaviour -> behaviour(segment, behaviour, aggregates, field);
      case SegmentRule.FirstDid first -> firstDid(segment, first, aggregates);
    };
  }

  private String group(
      Segment segment,
      List<SegmentRule> rules,
      String joiner,
      Aggregates aggregates,
      String field) {
    if (rules.isEmpty()) {
      return SqlCondition.TRUE;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      parts.add(condition(segment, rules.get(i), aggregates, field + ".rules[" + i + "]"));
    }
    return "(" + String.join(joiner, parts) + ")";
  }

  private String behaviour(
      Segment segment, SegmentRule.Behaviour behaviour, Aggregates aggregates, String field) {
    String matches = matching(segment, behaviour.events(), behaviour.window(), aggregates);
    String meets =
        switch (behaviour.frequency()) {
          case Frequency.Count count ->
              "("
                  + aggregates.add(dialect.countIf(matches))
                  + " "
                  + count.threshold().symbol()
                  + " "
                  + count.times()
                  + ")";
          case Frequency.Sum sum -> sum(sum, matches, aggregates, field);
        };
    return behaviour.done() ? meets : "(NOT " + meets + ")";
  }

  /**
   * A sum over no value is 0 by definition, but NULL or 0 depending on the engine; whether 0 meets
   * the threshold is decided here, in Java, so no engine's rule for empty sums matters.
   */
  private String sum(Frequency.Sum sum, String matches, Aggregates aggregates, String field) {
    ColumnType type = source.catalog().typeOf(sum.property(), field + ".frequency.property");
    if (type != ColumnType.NUMBER) {
      throw new InvalidQueryException(
          field + ".frequency.property",
          "'" + sum.property() + "' is a " + type + " property, not a NUMBER");
    }
    SqlLiterals.checkNumber(sum.value(), field + ".frequency.value");
    if (!source.catalog().hasColumn(sum.property())) {
      return sum.holdsForNone() ? SqlCondition.TRUE : SqlCondition.FALSE;
    }
    aggregates.properties.add(sum.property());
    String column = source.column(sum.property());
    String withValue = "(" + matches + " AND " + dialect.isSet(column, type) + ")";
    String values = aggregates.add(dialect.countIf(withValue));
    String total = aggregates.add(dialect.sumIf(column, withValue));
    String compared =
        dialect.definite(
            "(" + total + " " + sum.threshold().symbol() + " " + dialect.number(sum.value()) + ")");
    return sum.holdsForNone()
        ? "(" + values + " = 0 OR " + compared + ")"
        : "(" + values + " > 0 AND " + compared + ")";
  }

  /** The first matching event over the whole store is in the window. */
  private String firstDid(Segment segment, SegmentRule.FirstDid first, Aggregates aggregates) {
    String matches = matching(segment, first.events(), new EventWindow.Ever(), aggregates);
    String count = aggregates.add(dialect.countIf(matches));
    TimeRange range = segment.resolve(first.window());
    if (range == null) {
      return "(" + count + " > 0)";
    }
    String firstTime = aggregates.add(dialect.minIf("time_ms", matches));
    return "("
        + count
        + " > 0 AND "
        + dialect.definite(
            "("
                + firstTime
                + " >= "
                + range.start().toEpochMilli()
                + " AND "
                + firstTime
                + " < "
                + range.end().toEpochMilli()
                + ")")
        + ")";
  }

  /** The rows of the condition's events inside its window. */
  private String matching(
      Segment segment, EventCriteria events, EventWindow window, Aggregates aggregates) {
    aggregates.properties.addAll(FilterProperties.of(events.filter()));
    String criteria = source.criteria(events);
    TimeRange range = segment.resolve(window);
    if (range == null) {
      return criteria;
    }
    return "("
        + criteria
        + " AND time_ms >= "
        + range.start().toEpochMilli()
        + " AND time_ms < "
        + range.end().toEpochMilli()
        + ")";
  }
}
