package dev.sextant.query.engine;

import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.FunnelUsersPage;
import dev.sextant.query.model.Segment;
import dev.sextant.query.sql.AnalysisCompiler;
import dev.sextant.query.sql.CompiledAnalysis;
import dev.sextant.query.sql.EventSource;
import dev.sextant.query.sql.FunnelUsersCompiler;
import dev.sextant.query.sql.PropertyCatalog;
import dev.sextant.query.sql.SegmentCompiler;
import dev.sextant.query.sql.SqlDialect;
import dev.sextant.store.ColumnType;
import dev.sextant.store.EventQueries;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.QueryRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Runs analyses on a store: reads the project's columns, compiles for the store's dialect, runs the
 * statements under one deadline and assembles the result. A project without events gets the
 * zero-filled result of no rows.
 */
public final class AnalysisEngine {

  private final EventQueries queries;
  private final SqlDialect dialect;
  private final PropertyTypes plannedTypes;
  private final int maxRows;

  /** The default limit on the rows of one statement. */
  public static final int DEFAULT_MAX_ROWS = 200_000;

  /**
   * Each project's columns, read at most every {@link #COLUMNS_TTL}: columns are only ever added,
   * and reading them costs two round trips, as much as a small analysis on ClickHouse. A property
   * stored for the first time is therefore seen by analyses up to that long later.
   */
  private final Map<String, CachedColumns> columns = new ConcurrentHashMap<>();

  static final Duration COLUMNS_TTL = Duration.ofSeconds(5);

  private record CachedColumns(Optional<Map<String, ColumnType>> columns, long readAtNanos) {}

  /**
   * @param plannedTypes the property types of a project's tracking plan
   */
  public AnalysisEngine(EventQueries queries, SqlDialect dialect, PropertyTypes plannedTypes) {
    this(queries, dialect, plannedTypes, DEFAULT_MAX_ROWS);
  }

  /**
   * @param maxRows the most rows one statement may return (groups × buckets, segment members per
   *     page, ...); more is refused with {@link ResultTooLargeException} rather than assembled
   */
  public AnalysisEngine(
      EventQueries queries, SqlDialect dialect, PropertyTypes plannedTypes, int maxRows) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.plannedTypes = Objects.requireNonNull(plannedTypes, "plannedTypes");
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
    }
    this.maxRows = maxRows;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  /** The statements an analysis compiles to on this engine, for {@code explain}. */
  public List<String> explain(String project, Analysis analysis) {
    return compile(project, analysis, columns(project).orElse(Map.of())).statements();
  }

  /** The statements of an analysis restricted to segments, for {@code explain}. */
  public List<String> explain(String project, Analysis analysis, List<Segment> segments) {
    EventSource source = source(project, columns(project).orElse(Map.of()));
    return new AnalysisCompiler(restrict(source, segments)).compile(analysis).statements();
  }

  /**
   * The project's property columns (cached for {@link #COLUMNS_TTL}); empty when it has no events
   * table yet.
   */
  public Optional<Map<String, ColumnType>> columns(String project) {
    long now = System.nanoTime();
    CachedColumns cached = columns.get(project);
    if (cached == null || now - cached.readAtNanos() > COLUMNS_TTL.toNanos()) {
      cached = new CachedColumns(queries.propertyColumns(project), now);
      columns.put(project, cached);
    }
    return cached.columns();
  }

  /**
   * Runs an analysis; the result is of the analysis's result type.
   *
   * @param timeout the time all statements together may take
   */
  public Object run(String project, Analysis analysis, Duration timeout) {
    Optional<Map<String, ColumnType>> columns = columns(project);
    return execute(compile(project, analysis, columns.orElse(Map.of())), columns, timeout);
  }

  /** Runs an analysis whose result type the caller knows. */
  public <R> R run(String project, Analysis analysis, Duration timeout, Class<R> resultType) {
    return resultType.cast(run(project, analysis, timeout));
  }

  /** Runs an analysis over the events of the members of every one of {@code segments} only. */
  public <R> R run(
      String project,
      Analysis analysis,
      List<Segment> segments,
      Duration timeout,
      Class<R> resultType) {
    return run(project, analysis, source -> restrict(source, segments), timeout, resultType);
  }

  private static EventSource restrict(EventSource source, List<Segment> segments) {
    EventSource restricted = source;
    for (Segment segment : segments) {
      restricted = restricted.restrictedTo(new SegmentCompiler(source).members(segment));
    }
    return restricted;
  }

  /**
   * Runs an analysis on the source {@code scope} makes of the project's: restricted to stored user
   * lists ({@code UserListSql}), to segments, or excluding users.
   */
  public <R> R run(
      String project,
      Analysis analysis,
      UnaryOperator<EventSource> scope,
      Duration timeout,
      Class<R> resultType) {
    Optional<Map<String, ColumnType>> columns = columns(project);
    EventSource source = scope.apply(source(project, columns.orElse(Map.of())));
    return resultType.cast(
        execute(new AnalysisCompiler(source).compile(analysis), columns, timeout));
  }

  /**
   * Runs a query of user ids (one column), e.g. a page of a stored list; none when the project has
   * no events yet.
   */
  public List<String> userIds(String project, String sql, Duration timeout) {
    if (columns(project).isEmpty()) {
      return List.of();
    }
    return queries.select(sql, timeout).rows().stream()
        .map(row -> (String) row.getFirst())
        .toList();
  }

  /** Runs a query whose first row's first column is a count; 0 without events or rows. */
  public long count(String project, String sql, Duration timeout) {
    if (columns(project).isEmpty()) {
      return 0;
    }
    List<List<Object>> rows = queries.select(sql, timeout).rows();
    return rows.isEmpty() ? 0 : QueryRows.asLong(rows.getFirst().getFirst());
  }

  /**
   * The same analysis for each segment's members ("compare segments"), in the map's order: e.g. a
   * funnel for pushed and not pushed users.
   */
  public <R> Map<String, R> compareSegments(
      String project,
      Analysis analysis,
      Map<String, Segment> segments,
      Duration timeout,
      Class<R> resultType) {
    Map<String, R> results = new LinkedHashMap<>();
    segments.forEach((name, segment) ->
        results.put(name, run(project, analysis, List.of(segment), timeout, resultType)));
    return results;
  }

  /** The most rows one statement may return. */
  public int maxRows() {
    return maxRows;
  }

  /**
   * A page of a funnel's drill-down over the members of every one of {@code segments} (none: all
   * users): up to {@code limit} users after {@code after} (null: the first page), and the total.
   */
  public FunnelUsersPage funnelUsers(
      String project,
      FunnelUsers request,
      List<Segment> segments,
      String after,
      int limit,
      Duration timeout) {
    Optional<Map<String, ColumnType>> columns = columns(project);
    EventSource source = restrict(source(project, columns.orElse(Map.of())), segments);
    return execute(new FunnelUsersCompiler(source).page(request, after, limit), columns, timeout);
  }

  /**
   * Up to {@code limit} users of a funnel's drill-down after {@code after}, without the total: a
   * batch of an export.
   */
  public List<String> funnelUsersBatch(
      String project,
      FunnelUsers request,
      List<Segment> segments,
      String after,
      int limit,
      Duration timeout) {
    Optional<Map<String, ColumnType>> columns = columns(project);
    EventSource source = restrict(source(project, columns.orElse(Map.of())), segments);
    return execute(new FunnelUsersCompiler(source).batch(request, after, limit), columns, timeout);
  }

  /** The SQL of a funnel's drill-down's users, for {@code explain}. */
  public String explainFunnelUsers(String project, FunnelUsers request, List<Segment> segments) {
    EventSource source = restrict(source(project, columns(project).orElse(Map.of())), segments);
    return new FunnelUsersCompiler(source).users(request);
  }

  /** The number of the segment's members. */
  public long count(String project, Segment segment, Duration timeout) {
    Optional<Map<String, ColumnType>> columns = columns(project);
    return execute(
        new SegmentCompiler(source(project, columns.orElse(Map.of()))).count(segment),
        columns,
        timeout);
  }

  /** A page of the segment's members after {@code after} (null: the first page). */
  public List<String> members(
      String project, Segment segment, String after, int limit, Duration timeout) {
    Optional<Map<String, ColumnType>> columns = columns(project);
    return execute(
        new SegmentCompiler(source(project, columns.orElse(Map.of()))).page(segment, after, limit),
        columns,
        timeout);
  }

  /** The SQL of a segment's members, for {@code explain}. */
  public String explainMembers(String project, Segment segment) {
    return new SegmentCompiler(source(project, columns(project).orElse(Map.of()))).members(segment);
  }

  private <R> R execute(
      CompiledAnalysis<R> compiled, Optional<Map<String, ColumnType>> columns, Duration timeout) {
    List<QueryRows> rows = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String statement : compiled.statements()) {
      if (columns.isEmpty()) {
        rows.add(new QueryRows(List.of(), List.of()));
      } else {
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
        QueryRows answer = queries.select(statement, left, maxRows);
        if (answer.size() > maxRows) {
          throw new ResultTooLargeException(maxRows);
        }
        rows.add(answer);
      }
    }
    return compiled.assemble(rows);
  }

  private EventSource source(String project, Map<String, ColumnType> columns) {
    return new EventSource(dialect, project, new PropertyCatalog(project, plannedTypes, columns));
  }

  private CompiledAnalysis<?> compile(
      String project, Analysis analysis, Map<String, ColumnType> columns) {
    return new AnalysisCompiler(source(project, columns)).compile(analysis);
  }
}
