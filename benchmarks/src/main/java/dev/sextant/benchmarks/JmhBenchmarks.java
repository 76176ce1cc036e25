package dev.sextant.benchmarks;

import dev.sextant.benchmarks.report.BenchmarkResult;
import dev.sextant.benchmarks.report.ResultFiles;
import dev.sextant.benchmarks.report.Table;
import dev.sextant.benchmarks.report.TargetCheck;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the validator and codec JMH benchmarks ({@link EventValidatorBenchmark}, {@link
 * SensorsCodecBenchmark}) for the suite and reports each next to its baseline of the same run.
 *
 * <p>Arguments: {@code [warm-up iterations=3] [measured iterations=5] [seconds per iteration=10]}.
 * One fork, one thread.
 */
public final class JmhBenchmarks {

  /** What each benchmark is compared with, and how many records one operation handles. */
  private record Pair(String benchmark, String baseline, int records, String what) {}

  private static final List<Pair> PAIRS =
      List.of(
          new Pair(
              "validateInvestment",
              "parseInvestmentJson",
              1,
              "a conforming `P2P_InvestSuccess`, 18 properties"),
          new Pair(
              "validatePageView",
              "parseInvestmentJson",
              1,
              "a conforming `$pageview`, 12 properties"),
          new Pair(
              "validateInvalidInvestment",
              "parseInvestmentJson",
              1,
              "the investment with a text amount: every reason explained"),
          new Pair(
              "parseInvestmentJson",
              "parseInvestmentJson",
              1,
              "baseline: Jackson parses the investment's JSON to a tree"),
          new Pair(
              "decodeSensorsBatch",
              "parseBatchJson",
              50,
              "a JS SDK batch (form, base64, gzip, JSON) of 50 records to records"),
          new Pair(
              "parseBatchJson",
              "parseBatchJson",
              50,
              "baseline: Jackson parses the batch's unpacked JSON to a tree"),
          new Pair(
              "writeEventJson",
              "jacksonWriteEventMap",
              1,
              "an accepted event to the JSON put on Kafka (15 properties)"),
          new Pair(
              "jacksonWriteEventMap",
              "jacksonWriteEventMap",
              1,
              "baseline: Jackson data binding writes the same fields as a map"));

  private JmhBenchmarks() {}

  public static void main(String[] args) throws RunnerException {
    int warmUps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    BenchmarkResult.Builder result =
        BenchmarkResult.builder("jmh", "Validator and codecs (JMH)")
            .method(
                """
                JMH %s, one fork, one thread (one core), %d warm-up and %d measured iterations of \
                %d s. Each benchmark's baseline is the plain Jackson work of the same input, \
                measured in the same run: validating must cost much less than the parsing the \
                collector does anyway, and the collector's codecs should cost little more than \
                Jackson itself. The ratio is the baseline's time per operation over the \
                benchmark's (above 1: faster than the baseline).\
                """
                    .formatted(
                        org.openjdk.jmh.util.Version.getPlainVersion(),
                        warmUps,
                        iterations,
                        seconds))
            .command(
                """
                java -cp "$(cat benchmarks/target/classpath.txt)" \\
                  dev.sextant.benchmarks.JmhBenchmarks %d %d %d\
                """
                    .formatted(warmUps, iterations, seconds));
    Options options =
        new OptionsBuilder()
            .include(EventValidatorBenchmark.class.getSimpleName())
            .include(SensorsCodecBenchmark.class.getSimpleName())
            .forks(1)
            .threads(1)
            .warmupIterations(warmUps)
            .measurementIterations(iterations)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementTime(TimeValue.seconds(seconds))
            .build();
    Collection<RunResult> runs = new Runner(options).run();
    Map<String, Result<?>> scores = new HashMap<>();
    for (RunResult run : runs) {
      String name = run.getParams().getBenchmark();
      scores.put(name.substring(name.lastIndexOf('.') + 1), run.getPrimaryResult());
    }
    Table.Builder table =
        Table.builder(
            "",
            "benchmark",
            "what",
            "operations/s >",
            "error (99.9 %) >",
            "per record >",
            "speed ÷ baseline >");
    for (Pair pair : PAIRS) {
      Result<?> score = scores.get(pair.benchmark());
      Result<?> baseline = scores.get(pair.baseline());
      if (score == null || baseline == null) {
        continue;
      }
      double perRecordMicros = 1e6 / score.getScore() / pair.records();
      table.row(
          "`" + pair.benchmark() + "`",
          pair.what(),
          String.format(Locale.ROOT, "%,.0f", score.getScore()),
          String.format(Locale.ROOT, "± %,.0f", score.getScoreError()),
          String.format(Locale.ROOT, "%.3f µs", perRecordMicros),
          pair.benchmark().equals(pair.baseline())
              ? "1 (baseline)"
              : String.format(Locale.ROOT, "%.2f", score.getScore() / baseline.getScore()));
    }
    result.table(table.build());
    Result<?> investment = scores.get("validateInvestment");
    if (investment != null) {
      result.target(
          TargetCheck.atLeast(
              "validator, conforming investments per second on one core",
              500_000,
              investment.getScore(),
              "%,.0f"));
    }
    ResultFiles.publish(result.build());
  }
}
