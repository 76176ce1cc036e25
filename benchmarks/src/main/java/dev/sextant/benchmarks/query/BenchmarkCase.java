package dev.sextant.benchmarks.query;

import dev.sextant.query.model.Analysis;
import java.util.Map;

/**
 * One analysis as Sextant compiles it, next to the SQL a person would write by hand for the same
 * question on each engine (empty where there is no simpler hand-written form).
 *
 * @param name the row's label
 * @param analysis the request
 * @param baselines hand-written SQL by engine name ({@code clickhouse}, {@code duckdb})
 */
record BenchmarkCase(String name, Analysis analysis, Map<String, String> baselines) {}
