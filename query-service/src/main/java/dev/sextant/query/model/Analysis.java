package dev.sextant.query.model;

/**
 * One analysis request. A compiler turns each kind, with the project's column types, into SQL; the
 * reference implementation evaluates it over events in memory. Both follow {@code
 * docs/analyses.md}.
 */
public sealed interface Analysis
    permits EventAnalysis,
        SessionAnalysis,
        FunnelAnalysis,
        RetentionAnalysis,
        DistributionAnalysis {

  /** The local dates the analysis covers. */
  TimeRange range();
}
