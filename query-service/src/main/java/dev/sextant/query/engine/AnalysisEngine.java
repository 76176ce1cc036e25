package dev.sextant.query.engine;

import dev.sextant.query.model.Analysis;
import dev.sextant.query.sql.AnalysisCompiler;
import dev.sextant.query.sql.CompiledAnalysis;
import dev.sextant.query.sql.EventSource;
import dev.sextant.query.sql.PropertyCatalog;
import dev.sextant.query.sql.SqlDialect;
import dev.sextant.store.ColumnType;
import dev.sextant.store.EventQueries;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.QueryRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs analyses on a store: reads the project's columns, compiles for the store's dialect, runs the
 * statements under one deadline and assembles the result. A project without events gets the
 * zero-filled result of no rows.
 */
public final class AnalysisEngine {

  private final EventQueries queries;
  private final SqlDialect dialect;
  private final PropertyTypes plannedTypes;

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
    this.queries = Objects.requireNonNull(queries, "queries");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.plannedTypes = Objects.requireNonNull(plannedTypes, "plannedTypes");
  }

  public SqlDialect dialect() {
    return dialect;
  }

  /** The statements an analysis compiles to on this engine, for {@code explain}. */
  public List<String> explain(String project, Analysis analysis) {
    return compile(project, analysis, columns(project).orElse(Map.of())).statements();
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
    CompiledAnalysis<?> compiled = compile(project, analysis, columns.orElse(Map.of()));
    List<QueryRows> rows = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String statement : compiled.statements()) {
      if (columns.isEmpty()) {
        rows.add(new QueryRows(List.of(), List.of()));
      } else {
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
        rows.add(queries.select(statement, left));
      }
    }
    return compiled.assemble(rows);
  }

  /** Runs an analysis whose result type the caller knows. */
  public <R> R run(String project, Analysis analysis, Duration timeout, Class<R> resultType) {
    return resultType.cast(run(project, analysis, timeout));
  }

  private CompiledAnalysis<?> compile(
      String project, Analysis analysis, Map<String, ColumnType> columns) {
    PropertyCatalog catalog = new PropertyCatalog(project, plannedTypes, columns);
    return new AnalysisCompiler(new EventSource(dialect, project, catalog)).compile(analysis);
  }
}
