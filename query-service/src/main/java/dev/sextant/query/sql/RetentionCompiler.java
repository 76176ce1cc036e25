package dev.sextant.query.sql;

import static dev.sextant.query.sql.EventSource.USER;

import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.RetentionAnalysis.CohortKind;
import dev.sextant.query.model.RetentionAnalysis.RetentionUnit;
import dev.sextant.query.model.RetentionResult;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Retention (留存分析) as one statement ({@code docs/analyses.md}, "Retention"):
 *
 * <ol>
 *   <li>per user: the set of periods with a return event, and the cohorts with the value of the
 *       initial event that defines each: first-time, the first initial event ever (the scan starts
 *       at the store's beginning); recurring, the initial events in the range in event order;
 *   <li>one row per user and cohort (recurring: the distinct periods, each with the group of its
 *       first initial event);
 *   <li>per group and cohort: users, and users with a return period at each offset 0..N.
 * </ol>
 *
 * A period is an integer: the local day number, the day number of the Monday, or the month index,
 * so "n periods later" is an addition. Return events are read from the first cohort's period to the
 * end of the N-th period after the last cohort's.
 */
public final class RetentionCompiler {

  private final EventSource source;
  private final SqlDialect dialect;

  public RetentionCompiler(EventSource source) {
    this.source = source;
    this.dialect = source.dialect();
  }

  public CompiledAnalysis<RetentionResult> compile(RetentionAnalysis analysis) {
    ColumnType groupType =
        analysis.groupBy() == null
            ? null
            : EventAnalysisCompiler.groupType(source.catalog(), analysis.groupBy(), "groupBy");
    return new CompiledAnalysis<>(
        List.of(statement(analysis, groupType)),
        rows -> assemble(analysis, groupType, rows.getFirst()));
  }

  String statement(RetentionAnalysis analysis, ColumnType groupType) {
    TimeRange range = analysis.range();
    RetentionUnit unit = analysis.unit();
    boolean grouped = groupType != null && source.catalog().hasColumn(analysis.groupBy());
    List<LocalDate> periods = periodsOf(range, unit);
    Instant firstPeriodStart = periods.getFirst().atStartOfDay(range.zone()).toInstant();
    Instant scanEnd =
        plusPeriods(periods.getLast(), analysis.periods() + 1L, unit)
            .atStartOfDay(range.zone())
            .toInstant();
    boolean firstTime = analysis.cohorts() == CohortKind.FIRST_TIME;

    Set<String> properties = new LinkedHashSet<>();
    if (grouped) {
      properties.add(analysis.groupBy());
    }
    properties.addAll(FilterProperties.of(analysis.initial().filter()));
    properties.addAll(FilterProperties.of(analysis.returning().filter()));

    LocalTimeSql rowTime =
        new LocalTimeSql(dialect, "time_ms", range.zone(), firstPeriodStart, scanEnd);
    String initial = source.criteria(analysis.initial());
    String initialInRange =
        "("
            + initial
            + " AND time_ms >= "
            + range.start().toEpochMilli()
            + " AND time_ms < "
            + range.end().toEpochMilli()
            + ")";
    String returning =
        "("
            + source.criteria(analysis.returning())
            + " AND time_ms >= "
            + firstPeriodStart.toEpochMilli()
            + ")";
    String group =
        grouped ? dialect.listable(source.column(analysis.groupBy()), groupType) : "NULL";
    List<String> eventOrder = List.of("time_ms", "insert_id");

    List<String> perUser = new ArrayList<>();
    perUser.add(USER);
    perUser.add(dialect.distinctListIf(period(rowTime, unit), returning) + " AS returns");
    if (firstTime) {
      perUser.add(dialect.minIf("time_ms", initial) + " AS first_time");
      perUser.add((grouped ? dialect.firstByIf(group, eventOrder, initial) : "NULL") + " AS g");
    } else {
      perUser.add(
          dialect.listOrderedByIf(period(rowTime, unit), eventOrder, initialInRange)
              + " AS initial_periods");
      perUser.add(
          (grouped ? dialect.listOrderedByIf(group, eventOrder, initialInRange) : "NULL")
              + " AS initial_groups");
    }
    String query =
        "SELECT "
            + String.join(", ", perUser)
            + " FROM "
            + source.relation(
                properties,
                firstTime ? null : firstPeriodStart,
                scanEnd,
                source.anyOf(List.of(analysis.initial(), analysis.returning())))
            + " AS e GROUP BY "
            + USER
            + " HAVING "
            + dialect.countIf(initialInRange)
            + " > 0";

    if (firstTime) {
      LocalTimeSql firstLocal =
          new LocalTimeSql(dialect, "first_time", range.zone(), range.start(), range.end());
      query =
          "SELECT "
              + period(firstLocal, unit)
              + " AS cohort, g, returns FROM ("
              + query
              + ") AS u WHERE first_time >= "
              + range.start().toEpochMilli()
              + " AND first_time < "
              + range.end().toEpochMilli();
    } else {
      query =
          "SELECT cohort, "
              + (grouped
                  ? "initial_groups[" + dialect.indexOf("initial_periods", "cohort") + "]"
                  : "NULL")
              + " AS g, returns FROM (SELECT "
              + dialect.unnest(dialect.distinctElements("initial_periods"))
              + " AS cohort, initial_periods, initial_groups, returns FROM ("
              + query
              + ") AS u) AS c";
    }

    int step = unit == RetentionUnit.WEEK ? 7 : 1;
    List<String> select = new ArrayList<>(List.of("g", "cohort", "count(*) AS users"));
    for (int offset = 0; offset <= analysis.periods(); offset++) {
      select.add(
          dialect.countIf(dialect.listHas("returns", "cohort + " + (offset * step)))
              + " AS retained"
              + offset);
    }
    return "SELECT " + String.join(", ", select) + " FROM (" + query + ") AS r GROUP BY g, cohort";
  }

  /** The integer that names an instant's period. */
  private static String period(LocalTimeSql local, RetentionUnit unit) {
    return switch (unit) {
      case DAY -> local.dayNumber();
      case WEEK -> local.mondayDayNumber();
      case MONTH -> local.monthIndex();
    };
  }

  private static LocalDate startOf(long period, RetentionUnit unit) {
    return switch (unit) {
      case DAY, WEEK -> LocalDate.ofEpochDay(period);
      case MONTH -> LocalDate.of(Math.toIntExact(period / 12), (int) (period % 12) + 1, 1);
    };
  }

  /** Every period that overlaps the range, in order. */
  static List<LocalDate> periodsOf(TimeRange range, RetentionUnit unit) {
    List<LocalDate> periods = new ArrayList<>();
    LocalDate first =
        switch (unit) {
          case DAY -> range.from();
          case WEEK -> range.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case MONTH -> range.from().withDayOfMonth(1);
        };
    for (LocalDate period = first;
        !period.isAfter(range.to());
        period = plusPeriods(period, 1, unit)) {
      periods.add(period);
    }
    return periods;
  }

  private static LocalDate plusPeriods(LocalDate start, long periods, RetentionUnit unit) {
    return switch (unit) {
      case DAY -> start.plusDays(periods);
      case WEEK -> start.plusWeeks(periods);
      case MONTH -> start.plusMonths(periods);
    };
  }

  private RetentionResult assemble(
      RetentionAnalysis analysis, ColumnType groupType, QueryRows rows) {
    List<LocalDate> periods = periodsOf(analysis.range(), analysis.unit());
    int offsets = analysis.periods() + 1;
    Map<GroupKey, Map<LocalDate, long[]>> table = new TreeMap<>(GroupKey.ORDER);
    if (groupType == null) {
      table.put(GroupKey.NONE, emptyRows(periods, offsets));
    }
    int users = rows.columns().indexOf("users");
    int firstRetained = rows.columns().indexOf("retained0");
    for (List<Object> row : rows.rows()) {
      GroupKey key =
          groupType == null
              ? GroupKey.NONE
              : GroupKey.of(
                  PropertyValueReader.read(
                      dialect.readListed(row.getFirst(), groupType), groupType));
      LocalDate cohort = startOf(QueryRows.asLong(row.get(1)), analysis.unit());
      long[] counts = table.computeIfAbsent(key, k -> emptyRows(periods, offsets)).get(cohort);
      if (counts == null) {
        throw new IllegalStateException("a cohort outside the range: " + cohort);
      }
      counts[0] += QueryRows.asLong(row.get(users));
      for (int offset = 0; offset < offsets; offset++) {
        counts[offset + 1] += QueryRows.asLong(row.get(firstRetained + offset));
      }
    }
    List<RetentionResult.Cohort> cohorts = new ArrayList<>();
    table.forEach((key, byPeriod) ->
        byPeriod.forEach((start, counts) -> {
          List<Long> retained = new ArrayList<>(offsets);
          for (int i = 1; i < counts.length; i++) {
            retained.add(counts[i]);
          }
          cohorts.add(new RetentionResult.Cohort(key, start, counts[0], retained));
        }));
    return new RetentionResult(cohorts);
  }

  private static Map<LocalDate, long[]> emptyRows(List<LocalDate> periods, int offsets) {
    Map<LocalDate, long[]> rows = new LinkedHashMap<>();
    periods.forEach(p -> rows.put(p, new long[offsets + 1]));
    return rows;
  }
}
