package dev.sextant.benchmarks.suite;

import dev.sextant.benchmarks.JmhBenchmarks;
import dev.sextant.benchmarks.demo.DemoLoadBenchmark;
import dev.sextant.benchmarks.load.CollectorLoad;
import dev.sextant.benchmarks.load.DistributedIngestLoad;
import dev.sextant.benchmarks.load.EmbeddedIngestLoad;
import dev.sextant.benchmarks.query.QueryBenchmark;
import dev.sextant.benchmarks.sink.SinkBenchmark;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which benchmarks a suite run starts, in which order, with which arguments: one JVM each, so that
 * each one's memory is its own and one benchmark's threads and caches do not slow the next.
 */
public final class SuitePlan {

  /**
   * One benchmark JVM.
   *
   * @param id the benchmark's name in the report and for {@code --only}
   * @param mainClass its main class
   * @param maxHeap its {@code -Xmx}
   * @param arguments its arguments
   */
  public record Step(String id, String mainClass, String maxHeap, List<String> arguments) {
    public Step {
      arguments = List.copyOf(arguments);
    }
  }

  /**
   * The settings of a run.
   *
   * @param quick shorter phases and smaller sizes, to try the suite out (minutes, not an hour)
   * @param querySizes the numbers of events the analyses run over
   * @param clickHouse the ClickHouse HTTP interface to measure against, or null while it is not
   *     known yet (see {@link #withClickHouse})
   * @param work where the benchmarks keep their files (DuckDB files, results)
   */
  public record Settings(boolean quick, List<Long> querySizes, URI clickHouse, Path work) {
    public Settings {
      querySizes = List.copyOf(querySizes);
    }
  }

  /** Issue 10's sizes: every analysis over 10 M and 100 M events. */
  public static final List<Long> FULL_QUERY_SIZES = List.of(10_000_000L, 100_000_000L);

  public static final List<Long> QUICK_QUERY_SIZES = List.of(1_000_000L);

  /** Stands for the ClickHouse URL in the arguments until the server runs. */
  static final String CLICKHOUSE = "${clickhouse}";

  private SuitePlan() {}

  /** Every step of a run, in order. */
  public static List<Step> steps(Settings settings) {
    boolean quick = settings.quick();
    String clickHouse =
        settings.clickHouse() == null ? CLICKHOUSE : settings.clickHouse().toString();
    List<Step> steps = new ArrayList<>();
    steps.add(
        new Step(
            "jmh",
            JmhBenchmarks.class.getName(),
            "1g",
            quick ? List.of("1", "2", "2") : List.of("2", "5", "5")));
    steps.add(
        new Step(
            "demo-load",
            DemoLoadBenchmark.class.getName(),
            "2g",
            List.of(quick ? "2000" : "5500", settings.work().resolve("demo-load").toString())));
    steps.add(
        new Step(
            "collector-distributed",
            CollectorLoad.class.getName(),
            "2g",
            quick ? List.of("32", "8", "4") : List.of("64", "20", "10")));
    steps.add(
        new Step(
            "collector-embedded",
            EmbeddedIngestLoad.class.getName(),
            "2g",
            quick ? List.of("32", "8", "4", "0") : List.of("64", "20", "10", "0")));
    steps.add(
        new Step(
            "ingest-distributed",
            DistributedIngestLoad.class.getName(),
            "3g",
            List.of(quick ? "16" : "32", quick ? "10" : "30", clickHouse)));
    steps.add(
        new Step(
            "sink",
            SinkBenchmark.class.getName(),
            "6g",
            List.of("--events", quick ? "200000" : "1000000", "--clickhouse", clickHouse)));
    for (long events : settings.querySizes()) {
      steps.add(
          new Step(
              "query-" + QueryBenchmark.size(events),
              QueryBenchmark.class.getName(),
              "8g",
              List.of(
                  "--events",
                  Long.toString(events),
                  "--runs",
                  quick || events >= 100_000_000 ? "3" : "5",
                  "--clickhouse",
                  clickHouse,
                  "--duckdb",
                  settings
                      .work()
                      .resolve("query-" + QueryBenchmark.size(events) + ".duckdb")
                      .toString())));
    }
    return steps;
  }

  /** The steps with the ClickHouse URL known once the server runs in place of the placeholder. */
  public static List<Step> withClickHouse(List<Step> steps, URI clickHouse) {
    return steps.stream()
        .map(step ->
            new Step(
                step.id(),
                step.mainClass(),
                step.maxHeap(),
                step.arguments().stream()
                    .map(argument -> argument.equals(CLICKHOUSE) ? clickHouse.toString() : argument)
                    .toList()))
        .toList();
  }

  /** The steps named, in the suite's order; an unknown name is an error that lists the known. */
  public static List<Step> only(List<Step> steps, Set<String> ids) {
    Set<String> known = new LinkedHashSet<>();
    steps.forEach(step -> known.add(step.id()));
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException(
            "no benchmark '" + id + "' in this run; the benchmarks are " + known);
      }
    }
    return steps.stream().filter(step -> ids.contains(step.id())).toList();
  }
}
