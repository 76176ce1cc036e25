package dev.sextant.query.sql;

import static dev.sextant.query.sql.EventSource.USER;

import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.DistributionResult;
import dev.sextant.query.model.DistributionResult.Bucket;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Distributions (分布分析) as one grouped query over the range's events that meet the criteria: each
 * row is a bucket index with its events and users; every bucket is then listed in Java, zero-filled
 * ({@code docs/analyses.md}, "Distributions").
 */
public final class DistributionCompiler {

  private final EventSource source;
  private final SqlDialect dialect;

  public DistributionCompiler(EventSource source) {
    this.source = source;
    this.dialect = source.dialect();
  }

  public CompiledAnalysis<DistributionResult> compile(DistributionAnalysis analysis) {
    List<BigDecimal> lowerBounds = lowerBounds(analysis);
    List<BigDecimal> upperBounds = upperBounds(analysis);
    return new CompiledAnalysis<>(
        List.of(statement(analysis)),
        rows -> assemble(lowerBounds, upperBounds, firstIndex(analysis), rows.getFirst()));
  }

  String statement(DistributionAnalysis analysis) {
    return switch (analysis) {
      case DistributionAnalysis.EventsPerUser perUser ->
          "SELECT "
              + bucketIndex("user_events", perUser.bounds().stream().map(String::valueOf).toList())
              + " AS bucket, sum(user_events) AS events, count(*) AS users FROM (SELECT "
              + USER
              + ", count(*) AS user_events FROM "
              + events(analysis, "(1 = 1)")
              + " AS e GROUP BY "
              + USER
              + ") AS u GROUP BY bucket";
      case DistributionAnalysis.HourOfDay hour ->
          byIndex(analysis, local(hour.range()).hourOfDay());
      case DistributionAnalysis.DayOfWeek day -> byIndex(analysis, local(day.range()).dayOfWeek());
      case DistributionAnalysis.Histogram histogram -> {
        ColumnType type = source.catalog().typeOf(histogram.property(), "property");
        if (type != ColumnType.NUMBER) {
          throw new InvalidQueryException(
              "property",
              "'" + histogram.property() + "' is a " + type + " property, not a NUMBER");
        }
        String column = source.column(histogram.property());
        String hasNumber =
            source.catalog().hasColumn(histogram.property())
                ? dialect.isSet(column, ColumnType.NUMBER)
                : "(1 = 0)";
        yield byIndex(
            analysis,
            hasNumber,
            bucketIndex(column, histogram.bounds().stream().map(dialect::number).toList()));
      }
    };
  }

  private String byIndex(DistributionAnalysis analysis, String index) {
    return byIndex(analysis, "(1 = 1)", index);
  }

  private String byIndex(DistributionAnalysis analysis, String where, String index) {
    return "SELECT "
        + index
        + " AS bucket, count(*) AS events, "
        + dialect.countDistinct(USER)
        + " AS users FROM "
        + events(analysis, where)
        + " AS e GROUP BY bucket";
  }

  /** The range's events that meet the criteria (and {@code where}). */
  private String events(DistributionAnalysis analysis, String where) {
    Set<String> properties = new LinkedHashSet<>(FilterProperties.of(analysis.events().filter()));
    if (analysis instanceof DistributionAnalysis.Histogram histogram) {
      properties.add(histogram.property());
    }
    return source.relation(
        properties,
        analysis.range().start(),
        analysis.range().end(),
        "(" + source.criteria(analysis.events()) + " AND " + where + ")");
  }

  private LocalTimeSql local(TimeRange range) {
    return new LocalTimeSql(dialect, "time_ms", range.zone(), range.start(), range.end());
  }

  /**
   * The number of bounds at or below the value: 0 below the first bound, {@code n} at or above the
   * last. Tested from the last bound down, so the first true branch gives it.
   */
  private static String bucketIndex(String value, List<String> bounds) {
    StringBuilder index = new StringBuilder("CASE");
    for (int i = bounds.size() - 1; i >= 0; i--) {
      index
          .append(" WHEN ")
          .append(value)
          .append(" >= ")
          .append(bounds.get(i))
          .append(" THEN ")
          .append(i + 1);
    }
    return index.append(" ELSE 0 END").toString();
  }

  /** The value the first bucket's row carries: a bucket index, an hour or an ISO day of week. */
  private static int firstIndex(DistributionAnalysis analysis) {
    return analysis instanceof DistributionAnalysis.DayOfWeek ? 1 : 0;
  }

  /** Each bucket's inclusive lower bound (null for -∞), in the reference's form. */
  private static List<BigDecimal> lowerBounds(DistributionAnalysis analysis) {
    List<BigDecimal> bounds = new ArrayList<>();
    switch (analysis) {
      case DistributionAnalysis.EventsPerUser perUser -> {
        bounds.add(BigDecimal.ONE);
        perUser.bounds().forEach(b -> bounds.add(BigDecimal.valueOf(b)));
      }
      case DistributionAnalysis.HourOfDay ignored -> {
        for (int hour = 0; hour < 24; hour++) {
          bounds.add(BigDecimal.valueOf(hour));
        }
      }
      case DistributionAnalysis.DayOfWeek ignored -> {
        for (int day = 1; day <= 7; day++) {
          bounds.add(BigDecimal.valueOf(day));
        }
      }
      case DistributionAnalysis.Histogram histogram -> {
        bounds.add(null);
        bounds.addAll(histogram.bounds());
      }
    }
    return bounds;
  }

  /** Each bucket's exclusive upper bound (null for +∞). */
  private static List<BigDecimal> upperBounds(DistributionAnalysis analysis) {
    List<BigDecimal> bounds = new ArrayList<>();
    switch (analysis) {
      case DistributionAnalysis.EventsPerUser perUser -> {
        perUser.bounds().forEach(b -> bounds.add(BigDecimal.valueOf(b)));
        bounds.add(null);
      }
      case DistributionAnalysis.HourOfDay ignored -> {
        for (int hour = 1; hour <= 24; hour++) {
          bounds.add(BigDecimal.valueOf(hour));
        }
      }
      case DistributionAnalysis.DayOfWeek ignored -> {
        for (long day = 2; day <= 8; day++) {
          bounds.add(BigDecimal.valueOf(day));
        }
      }
      case DistributionAnalysis.Histogram histogram -> {
        bounds.addAll(histogram.bounds());
        bounds.add(null);
      }
    }
    return bounds;
  }

  private static DistributionResult assemble(
      List<BigDecimal> lowerBounds, List<BigDecimal> upperBounds, int firstIndex, QueryRows rows) {
    int size = lowerBounds.size();
    long[] events = new long[size];
    long[] users = new long[size];
    for (List<Object> row : rows.rows()) {
      int index = Math.toIntExact(QueryRows.asLong(row.get(column(rows, "bucket")))) - firstIndex;
      events[index] += QueryRows.asLong(row.get(column(rows, "events")));
      users[index] += QueryRows.asLong(row.get(column(rows, "users")));
    }
    List<Bucket> buckets = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      buckets.add(new Bucket(lowerBounds.get(i), upperBounds.get(i), events[i], users[i]));
    }
    return new DistributionResult(buckets);
  }

  private static int column(QueryRows rows, String name) {
    int index = rows.columns().indexOf(name);
    if (index < 0) {
      throw new IllegalStateException("the query returned no column " + name);
    }
    return index;
  }
}
