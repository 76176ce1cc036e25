package dev.sextant.query.sql;

import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.SessionAnalysis;

/**
 * Compiles any analysis for one project and dialect: the single entry point from the engine to the
 * per-analysis compilers. Pure: the same request, columns and dialect give the same SQL.
 */
public final class AnalysisCompiler {

  private final EventSource source;

  public AnalysisCompiler(EventSource source) {
    this.source = source;
  }

  /**
   * @throws InvalidQueryException when the request names unknown properties or asks what their
   *     types do not allow
   */
  public CompiledAnalysis<?> compile(Analysis analysis) {
    return switch (analysis) {
      case EventAnalysis events -> new EventAnalysisCompiler(source).compile(events);
      case SessionAnalysis sessions -> new SessionCompiler(source).compile(sessions);
      case DistributionAnalysis distribution ->
          new DistributionCompiler(source).compile(distribution);
      case FunnelAnalysis funnel -> new FunnelCompiler(source).compile(funnel);
      case RetentionAnalysis retention -> new RetentionCompiler(source).compile(retention);
    };
  }
}
