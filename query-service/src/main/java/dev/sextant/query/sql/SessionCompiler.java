package dev.sextant.query.sql;

import static dev.sextant.query.sql.EventSource.USER;

import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.SessionAnalysis;
import dev.sextant.query.model.SessionResult;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sessions (session 分析) as one query for the sessions per start bucket and start hour, and one for
 * the dwell per page when a page property is asked for. Both read the range's events cut into
 * sessions by {@link SessionSplit}, the engine-specific part ({@code docs/analyses.md},
 * "Sessions").
 */
public final class SessionCompiler {

  private final EventSource source;
  private final SqlDialect dialect;

  public SessionCompiler(EventSource source) {
    this.source = source;
    this.dialect = source.dialect();
  }

  public CompiledAnalysis<SessionResult> compile(SessionAnalysis analysis) {
    ColumnType pageType =
        analysis.pageProperty() == null
            ? null
            : EventAnalysisCompiler.groupType(
                source.catalog(), analysis.pageProperty(), "pageProperty");
    String sessionEvents = sessionEvents(analysis);
    List<String> statements = new ArrayList<>();
    statements.add(sessionsStatement(analysis, sessionEvents));
    if (pageType != null) {
      statements.add(dwellStatement(analysis, sessionEvents));
    }
    return new CompiledAnalysis<>(
        statements,
        rows ->
            new SessionResult(
                buckets(analysis, rows.getFirst()),
                startsByHour(rows.getFirst()),
                pageType == null ? List.of() : dwell(rows.get(1), pageType)));
  }

  /** The range's events meeting {@code events}, cut into sessions, one row per event. */
  private String sessionEvents(SessionAnalysis analysis) {
    Set<String> properties = new LinkedHashSet<>(FilterProperties.of(analysis.events().filter()));
    properties.addAll(FilterProperties.of(analysis.pageViews().filter()));
    String page = "NULL";
    if (analysis.pageProperty() != null) {
      properties.add(analysis.pageProperty());
      page = source.column(analysis.pageProperty());
    }
    String events =
        "(SELECT "
            + USER
            + ", time_ms, insert_id, "
            + dialect.ifThen(source.criteria(analysis.pageViews()), "1", "0")
            + " AS is_pv, "
            + page
            + " AS page FROM "
            + source.relation(
                properties,
                analysis.range().start(),
                analysis.range().end(),
                source.criteria(analysis.events()))
            + " AS r)";
    boolean decimalPage =
        analysis.pageProperty() != null
            && source.catalog().columnType(analysis.pageProperty()).orElse(null)
                == ColumnType.NUMBER;
    return SessionSplit.of(dialect).split(events, timeoutMillis(analysis), decimalPage);
  }

  /**
   * The timeout in whole milliseconds: times are whole milliseconds, so a gap exceeds the timeout
   * exactly when it exceeds the timeout's whole milliseconds.
   */
  private static long timeoutMillis(SessionAnalysis analysis) {
    return analysis.timeout().toMillis();
  }

  /** Sessions, bounces, durations and page views per start bucket and local start hour. */
  String sessionsStatement(SessionAnalysis analysis, String sessionEvents) {
    LocalTimeSql start =
        new LocalTimeSql(
            dialect,
            "start_ms",
            analysis.range().zone(),
            analysis.range().start(),
            analysis.range().end());
    return "SELECT "
        + TimeBucketSql.key(analysis.granularity(), start, "start_ms")
        + " AS bucket, "
        + start.hourOfDay()
        + " AS start_hour, count(*) AS sessions, "
        + dialect.countIf("page_views = 1")
        + " AS bounces, sum(duration_ms) AS total_duration_ms, "
        + "sum(page_views) AS total_page_views FROM (SELECT "
        + USER
        + ", session, min(time_ms) AS start_ms, max(time_ms) - min(time_ms) AS duration_ms, "
        + "sum(is_pv) AS page_views FROM "
        + sessionEvents
        + " AS p GROUP BY "
        + USER
        + ", session) AS s GROUP BY bucket, start_hour";
  }

  /** Page views followed by another event of their session: count and time to it, per page. */
  String dwellStatement(SessionAnalysis analysis, String sessionEvents) {
    return "SELECT page, count(*) AS views, sum(next_gap_ms) AS dwell_ms FROM "
        + sessionEvents
        + " AS p WHERE is_pv = 1 AND next_gap_ms >= 0 AND next_gap_ms <= "
        + timeoutMillis(analysis)
        + " GROUP BY page";
  }

  private static List<SessionResult.Bucket> buckets(SessionAnalysis analysis, QueryRows rows) {
    Map<Instant, long[]> buckets = new LinkedHashMap<>();
    for (Instant bucket : TimeBuckets.of(analysis.range(), analysis.granularity())) {
      buckets.put(bucket, new long[4]);
    }
    for (List<Object> row : rows.rows()) {
      Instant bucket =
          TimeBucketSql.bucketStart(
              QueryRows.asLong(row.get(column(rows, "bucket"))),
              analysis.granularity(),
              analysis.range());
      long[] sums = buckets.get(bucket);
      if (sums == null) {
        throw new IllegalStateException("a session starts outside the range's buckets: " + bucket);
      }
      sums[0] += QueryRows.asLong(row.get(column(rows, "sessions")));
      sums[1] += QueryRows.asLong(row.get(column(rows, "bounces")));
      sums[2] += QueryRows.asLong(row.get(column(rows, "total_duration_ms")));
      sums[3] += QueryRows.asLong(row.get(column(rows, "total_page_views")));
    }
    List<SessionResult.Bucket> result = new ArrayList<>(buckets.size());
    buckets.forEach((start, sums) ->
        result.add(new SessionResult.Bucket(start, sums[0], sums[1], sums[2], sums[3])));
    return result;
  }

  private static List<Long> startsByHour(QueryRows rows) {
    long[] hours = new long[24];
    for (List<Object> row : rows.rows()) {
      hours[Math.toIntExact(QueryRows.asLong(row.get(column(rows, "start_hour"))))] +=
          QueryRows.asLong(row.get(column(rows, "sessions")));
    }
    List<Long> result = new ArrayList<>(24);
    for (long hour : hours) {
      result.add(hour);
    }
    return result;
  }

  private static List<SessionResult.PageDwell> dwell(QueryRows rows, ColumnType pageType) {
    Map<GroupKey, SessionResult.PageDwell> pages = new TreeMap<>(GroupKey.ORDER);
    for (List<Object> row : rows.rows()) {
      GroupKey page =
          new GroupKey(
              Collections.singletonList(
                  PropertyValueReader.read(row.get(column(rows, "page")), pageType)));
      pages.put(
          page,
          new SessionResult.PageDwell(
              page.values().getFirst(),
              QueryRows.asLong(row.get(column(rows, "views"))),
              QueryRows.asLong(row.get(column(rows, "dwell_ms")))));
    }
    return List.copyOf(pages.values());
  }

  private static int column(QueryRows rows, String name) {
    int index = rows.columns().indexOf(name);
    if (index < 0) {
      throw new IllegalStateException("the query returned no column " + name);
    }
    return index;
  }
}
