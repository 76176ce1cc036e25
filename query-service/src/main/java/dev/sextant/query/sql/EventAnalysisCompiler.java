package dev.sextant.query.sql;

import static dev.sextant.query.sql.EventSource.USER;

import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventAnalysisResult;
import dev.sextant.query.model.EventAnalysisResult.Point;
import dev.sextant.query.model.EventAnalysisResult.Series;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Ratio;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Event analysis (事件分析) as one grouped query per range: every metric's aggregates side by side, per
 * bucket and group, over the events that pass the analysis filter and some metric's criteria.
 * Ratios and zero-filling are done in Java ({@code docs/analyses.md}, "Event analysis").
 */
public final class EventAnalysisCompiler {

  private final EventSource source;
  private final SqlDialect dialect;

  public EventAnalysisCompiler(EventSource source) {
    this.source = source;
    this.dialect = source.dialect();
  }

  public CompiledAnalysis<EventAnalysisResult> compile(EventAnalysis analysis) {
    List<ColumnType> groupTypes = groupTypes(analysis);
    analysis.metrics().forEach(this::checkMeasure);
    List<String> statements = new ArrayList<>();
    statements.add(statement(analysis, analysis.range()));
    if (analysis.compareWithPrevious()) {
      statements.add(statement(analysis, analysis.range().previous()));
    }
    return new CompiledAnalysis<>(
        statements,
        rows ->
            new EventAnalysisResult(
                assemble(analysis, analysis.range(), groupTypes, rows.getFirst()),
                analysis.compareWithPrevious()
                    ? assemble(analysis, analysis.range().previous(), groupTypes, rows.get(1))
                    : List.of()));
  }

  private List<ColumnType> groupTypes(EventAnalysis analysis) {
    List<ColumnType> types = new ArrayList<>();
    for (int i = 0; i < analysis.groupBy().size(); i++) {
      types.add(groupType(source.catalog(), analysis.groupBy().get(i), "groupBy[" + i + "]"));
    }
    return types;
  }

  /** The type of a group-by property; lists and date-times cannot be grouped by. */
  static ColumnType groupType(PropertyCatalog catalog, String property, String field) {
    ColumnType type = catalog.typeOf(property, field);
    if (type == ColumnType.LIST || type == ColumnType.DATETIME) {
      throw new InvalidQueryException(
          field, "cannot group by '" + property + "', a " + type + " property");
    }
    return type;
  }

  private void checkMeasure(Metric metric) {
    if (metric.measure() instanceof Measure.OfProperty of
        && !(of instanceof Measure.DistinctValues)) {
      ColumnType type = source.catalog().typeOf(of.property(), "measure.property");
      if (type != ColumnType.NUMBER) {
        throw new InvalidQueryException(
            "measure.property", "'" + of.property() + "' is a " + type + " property, not a NUMBER");
      }
    }
    if (metric.measure() instanceof Measure.DistinctValues distinct) {
      source.catalog().typeOf(distinct.property(), "measure.property");
    }
  }

  String statement(EventAnalysis analysis, TimeRange range) {
    List<ColumnType> groupTypes = groupTypes(analysis);
    Set<String> properties = new LinkedHashSet<>(analysis.groupBy());
    for (Metric metric : analysis.metrics()) {
      if (metric.measure() instanceof Measure.OfProperty of) {
        properties.add(of.property());
      }
    }
    properties.addAll(FilterProperties.of(analysis.filter()));
    analysis.metrics().forEach(m -> properties.addAll(FilterProperties.of(m.events().filter())));

    LocalTimeSql local =
        new LocalTimeSql(dialect, "time_ms", range.zone(), range.start(), range.end());
    List<String> select = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    select.add(TimeBucketSql.key(analysis.granularity(), local, "time_ms") + " AS bucket");
    groupBy.add("bucket");
    for (int i = 0; i < analysis.groupBy().size(); i++) {
      // Grouped by a listable form: ClickHouse 18.16 crashes on some GROUP BY keys mixing a
      // decimal with other types (measured), so numbers group as their text there.
      select.add(
          dialect.listable(source.column(analysis.groupBy().get(i)), groupTypes.get(i))
              + " AS g"
              + i);
      groupBy.add("g" + i);
    }
    boolean sameEvents = analysis.metrics().stream().map(Metric::events).distinct().count() == 1;
    for (int m = 0; m < analysis.metrics().size(); m++) {
      Metric metric = analysis.metrics().get(m);
      // When every metric reads the same events, the WHERE already selects exactly them.
      String matches = sameEvents ? SqlCondition.TRUE : source.criteria(metric.events());
      if (metric.measure() instanceof Measure.NewUsers) {
        matches = "(" + matches + " AND " + firstEventOfItsUser() + ")";
      }
      select.add(dialect.countIf(matches) + " AS m" + m + "_events");
      select.addAll(aggregates(metric.measure(), matches, "m" + m));
    }
    String where =
        "("
            + source.filters().condition(analysis.filter())
            + " AND "
            + (sameEvents
                ? source.criteria(analysis.metrics().getFirst().events())
                : source.anyOf(analysis.metrics().stream().map(Metric::events).toList()))
            + ")";
    return "SELECT "
        + String.join(", ", select)
        + " FROM "
        + source.relation(properties, range.start(), range.end(), where)
        + " AS e GROUP BY "
        + String.join(", ", groupBy);
  }

  /**
   * Whether the row is its user's first event over the whole store, in event order (time, then
   * insert_id): a new user's metric counts only such rows ({@code docs/analyses.md}, "New users").
   */
  private String firstEventOfItsUser() {
    return "("
        + USER
        + ", insert_id) IN (SELECT "
        + USER
        + ", argMin(insert_id, (time_ms, insert_id)) FROM "
        + source.relation(List.of(), null, null, "(1 = 1)")
        + " AS f GROUP BY "
        + USER
        + ")";
  }

  private List<String> aggregates(Measure measure, String matches, String prefix) {
    return switch (measure) {
      case Measure.EventCount ignored -> List.of();
      case Measure.UserCount ignored ->
          List.of(dialect.countDistinctIf(USER, matches) + " AS " + prefix + "_users");
      case Measure.EventsPerUser ignored ->
          List.of(dialect.countDistinctIf(USER, matches) + " AS " + prefix + "_users");
      case Measure.NewUsers ignored ->
          List.of(dialect.countDistinctIf(USER, matches) + " AS " + prefix + "_users");
      case Measure.Sum sum -> List.of(sum(sum.property(), matches, prefix));
      case Measure.Average average ->
          List.of(
              sum(average.property(), matches, prefix),
              valueCount(average.property(), matches, prefix));
      case Measure.Minimum minimum ->
          List.of(
              dialect.minIf(
                      source.column(minimum.property()), withValue(minimum.property(), matches))
                  + " AS "
                  + prefix
                  + "_value",
              valueCount(minimum.property(), matches, prefix));
      case Measure.Maximum maximum ->
          List.of(
              dialect.maxIf(
                      source.column(maximum.property()), withValue(maximum.property(), matches))
                  + " AS "
                  + prefix
                  + "_value",
              valueCount(maximum.property(), matches, prefix));
      case Measure.DistinctValues distinct ->
          List.of(
              dialect.countDistinctIf(
                      source.column(distinct.property()), withValue(distinct.property(), matches))
                  + " AS "
                  + prefix
                  + "_value");
    };
  }

  /** How many of the metric's rows hold a value: engines disagree on the min of none. */
  private String valueCount(String property, String matches, String prefix) {
    return dialect.countIf(withValue(property, matches)) + " AS " + prefix + "_n";
  }

  private String sum(String property, String matches, String prefix) {
    return dialect.sumIf(source.column(property), withValue(property, matches))
        + " AS "
        + prefix
        + "_sum";
  }

  /** The metric's rows on which the property holds a value. */
  private String withValue(String property, String matches) {
    if (!source.catalog().hasColumn(property)) {
      return SqlCondition.FALSE;
    }
    ColumnType type = source.catalog().columnType(property).orElseThrow();
    return "(" + matches + " AND " + dialect.isSet(source.column(property), type) + ")";
  }

  private List<Series> assemble(
      EventAnalysis analysis, TimeRange range, List<ColumnType> groupTypes, QueryRows rows) {
    List<Instant> buckets = TimeBuckets.of(range, analysis.granularity());
    int groups = analysis.groupBy().size();
    List<Series> series = new ArrayList<>();
    for (int m = 0; m < analysis.metrics().size(); m++) {
      Measure measure = analysis.metrics().get(m).measure();
      Map<GroupKey, Map<Instant, List<Object>>> cells = new TreeMap<>(GroupKey.ORDER);
      for (List<Object> row : rows.rows()) {
        int column = columnOf(rows, "m" + m + "_events");
        if (QueryRows.asLong(row.get(column)) == 0) {
          continue;
        }
        List<Object> key = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
          ColumnType type = groupTypes.get(g);
          key.add(PropertyValueReader.read(dialect.readListed(row.get(1 + g), type), type));
        }
        Instant bucket =
            TimeBucketSql.bucketStart(
                QueryRows.asLong(row.getFirst()), analysis.granularity(), range);
        cells.computeIfAbsent(new GroupKey(key), k -> new HashMap<>()).put(bucket, row);
      }
      if (cells.isEmpty() && groups == 0) {
        cells.put(GroupKey.NONE, Map.of());
      }
      for (Map.Entry<GroupKey, Map<Instant, List<Object>>> cell : cells.entrySet()) {
        List<Point> points = new ArrayList<>(buckets.size());
        for (Instant bucket : buckets) {
          List<Object> row = cell.getValue().get(bucket);
          points.add(
              new Point(bucket, row == null ? empty(measure) : value(measure, rows, row, "m" + m)));
        }
        series.add(new Series(m, cell.getKey(), points));
      }
    }
    return series;
  }

  /** A bucket without the metric's events. */
  private static BigDecimal empty(Measure measure) {
    return switch (measure) {
      case Measure.EventCount ignored -> BigDecimal.ZERO;
      case Measure.UserCount ignored -> BigDecimal.ZERO;
      case Measure.NewUsers ignored -> BigDecimal.ZERO;
      case Measure.Sum ignored -> BigDecimal.ZERO;
      case Measure.DistinctValues ignored -> BigDecimal.ZERO;
      case Measure.EventsPerUser ignored -> null;
      case Measure.Average ignored -> null;
      case Measure.Minimum ignored -> null;
      case Measure.Maximum ignored -> null;
    };
  }

  private static BigDecimal value(
      Measure measure, QueryRows rows, List<Object> row, String prefix) {
    long events = QueryRows.asLong(row.get(columnOf(rows, prefix + "_events")));
    BigDecimal value =
        switch (measure) {
          case Measure.EventCount ignored -> BigDecimal.valueOf(events);
          case Measure.UserCount ignored -> users(rows, row, prefix);
          case Measure.NewUsers ignored -> users(rows, row, prefix);
          case Measure.EventsPerUser ignored ->
              Ratio.of(events, users(rows, row, prefix).longValueExact());
          case Measure.Sum ignored -> sum(rows, row, prefix);
          case Measure.Average ignored ->
              Ratio.of(
                  sum(rows, row, prefix), QueryRows.asLong(row.get(columnOf(rows, prefix + "_n"))));
          case Measure.Minimum _, Measure.Maximum _ ->
              QueryRows.asLong(row.get(columnOf(rows, prefix + "_n"))) == 0
                  ? null
                  : QueryRows.asDecimal(row.get(columnOf(rows, prefix + "_value")));
          case Measure.DistinctValues _ ->
              QueryRows.asDecimal(row.get(columnOf(rows, prefix + "_value")));
        };
    return value == null ? null : value.stripTrailingZeros();
  }

  private static BigDecimal users(QueryRows rows, List<Object> row, String prefix) {
    return BigDecimal.valueOf(QueryRows.asLong(row.get(columnOf(rows, prefix + "_users"))));
  }

  private static BigDecimal sum(QueryRows rows, List<Object> row, String prefix) {
    BigDecimal sum = QueryRows.asDecimal(row.get(columnOf(rows, prefix + "_sum")));
    return sum == null ? BigDecimal.ZERO : sum;
  }

  private static int columnOf(QueryRows rows, String name) {
    int index = rows.columns().indexOf(name);
    if (index < 0) {
      throw new IllegalStateException("the query returned no column " + name);
    }
    return index;
  }
}
