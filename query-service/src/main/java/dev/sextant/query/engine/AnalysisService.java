package dev.sextant.query.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.FunnelUsersPage;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Segment;
import dev.sextant.query.sql.FunnelUsersCompiler;
import dev.sextant.store.EventQueries;
import dev.sextant.store.EventTables;
import dev.sextant.store.QueryRows;
import dev.sextant.store.QueryTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /**
   * A page of a funnel's drill-down (not cached: pages are read once, in turn), timed as kind
   * {@code funnel_users}.
   */
  public FunnelUsersPage funnelUsers(
      String project, FunnelUsers request, List<Segment> segments, String after, int limit) {
    return timed(
        "funnel_users",
        () -> engine.funnelUsers(project, request, segments, after, limit, timeout));
  }

  /**
   * Every user of a funnel's drill-down, in id order, handed to {@code batches} a batch at a time
   * (each batch one statement of at most {@code sextant.query.max-result-rows} rows and its own
   * timeout), timed as kind {@code funnel_users_export}. The first batch is read before any is
   * handed on, so a refused request fails before anything is written.
   */
  public void exportFunnelUsers(
      String project, FunnelUsers request, List<Segment> segments, UserBatches batches) {
    int size = Math.min(FunnelUsersCompiler.MAX_PAGE, engine.maxRows());
    timed(
        "funnel_users_export",
        () -> {
          String after = null;
          List<String> batch;
          do {
            batch = engine.funnelUsersBatch(project, request, segments, after, size, timeout);
            batches.accept(batch);
            after = batch.isEmpty() ? null : batch.getLast();
          } while (batch.size() == size);
          return null;
        });
  }

  /** Takes the users of an export, a batch at a time. */
  @FunctionalInterface
  public interface UserBatches {
    void accept(List<String> users) throws IOException;
  }

  /** The SQL of a funnel's drill-down's users on this engine. */
  public List<String> explain(String project, FunnelUsers request, List<Segment> segments) {
    return List.of(engine.explainFunnelUsers(project, request, segments));
  }

  private interface Run<T> {
    T run() throws IOException;
  }

  private <T> T timed(String kind, Run<T> run) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "error";
    try {
      T result = run.run();
      outcome = "ok";
      return result;
    } catch (InvalidQueryException e) {
      outcome = "invalid";
      throw e;
    } catch (QueryTimeoutException e) {
      outcome = "timeout";
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      sample.stop(
          meters.timer(
              "sextant.query",
              "kind",
              kind,
              "engine",
              engine.dialect().name(),
              "outcome",
              outcome,
              "cache",
              "none"));
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
