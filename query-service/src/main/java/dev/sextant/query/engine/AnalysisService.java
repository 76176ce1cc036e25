package dev.sextant.query.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Segment;
import dev.sextant.store.EventQueries;
import dev.sextant.store.EventTables;
import dev.sextant.store.QueryRows;
import dev.sextant.store.QueryTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The query service's front door to {@link AnalysisEngine}: results are cached per project and
 * request, and a cached result is served only while the project's data is unchanged (its event
 * count and latest reception time, one cheap query, work across processes: a sink elsewhere
 * appending makes every cached result of that project stale). Each run is timed by kind, engine and
 * outcome in {@code sextant.query}.
 */
public final class AnalysisService {

  private final AnalysisEngine engine;
  private final EventQueries queries;
  private final MeterRegistry meters;
  private final Duration timeout;
  private final Cache<CacheKey, Cached> cache;

  private record CacheKey(String project, Analysis analysis, List<Segment> segments) {}

  private record Cached(List<Object> dataVersion, Object result) {}

  /**
   * @param timeout how long one analysis may run
   * @param cacheSize how many results are kept
   */
  public AnalysisService(
      AnalysisEngine engine,
      EventQueries queries,
      MeterRegistry meters,
      Duration timeout,
      long cacheSize) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  /** The analysis's result, from the cache when the project's data has not changed since. */
  public Object run(String project, Analysis analysis) {
    return run(project, analysis, List.of());
  }

  /**
   * The analysis over the members of every one of {@code segments} only (none: all users), cached
   * like {@link #run(String, Analysis)}.
   */
  public Object run(String project, Analysis analysis, List<Segment> segments) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "error";
    String cacheUse = "miss";
    try {
      List<Object> version = dataVersion(project);
      CacheKey key = new CacheKey(project, analysis, List.copyOf(segments));
      Cached cached = cache.getIfPresent(key);
      Object result;
      if (cached != null && cached.dataVersion().equals(version)) {
        cacheUse = "hit";
        result = cached.result();
      } else {
        result =
            segments.isEmpty()
                ? engine.run(project, analysis, timeout)
                : engine.run(project, analysis, segments, timeout, Object.class);
        cache.put(key, new Cached(version, result));
      }
      outcome = "ok";
      return result;
    } catch (InvalidQueryException e) {
      outcome = "invalid";
      throw e;
    } catch (QueryTimeoutException e) {
      outcome = "timeout";
      throw e;
    } finally {
      sample.stop(
          meters.timer(
              "sextant.query",
              "kind",
              kindOf(analysis),
              "engine",
              engine.dialect().name(),
              "outcome",
              outcome,
              "cache",
              cacheUse));
    }
  }

  /** The SQL an analysis compiles to on this engine. */
  public List<String> explain(String project, Analysis analysis) {
    return engine.explain(project, analysis);
  }

  /** The SQL an analysis restricted to segments compiles to on this engine. */
  public List<String> explain(String project, Analysis analysis, List<Segment> segments) {
    return engine.explain(project, analysis, segments);
  }

  /** The project's event count and latest reception; empty when it has no events table. */
  private List<Object> dataVersion(String project) {
    if (engine.columns(project).isEmpty()) {
      return List.of();
    }
    QueryRows rows =
        queries.select(
            "SELECT count(*), max(received_at_ms) FROM " + EventTables.events(project), timeout);
    return rows.rows().getFirst();
  }

  static String kindOf(Analysis analysis) {
    return switch (analysis) {
      case dev.sextant.query.model.EventAnalysis _ -> "events";
      case dev.sextant.query.model.SessionAnalysis _ -> "sessions";
      case dev.sextant.query.model.FunnelAnalysis _ -> "funnels";
      case dev.sextant.query.model.RetentionAnalysis _ -> "retention";
      case dev.sextant.query.model.DistributionAnalysis _ -> "distributions";
    };
  }
}
