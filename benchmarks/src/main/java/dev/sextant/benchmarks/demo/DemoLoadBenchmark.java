package dev.sextant.benchmarks.demo;

import dev.sextant.benchmarks.report.BenchmarkResult;
import dev.sextant.benchmarks.report.ResultFiles;
import dev.sextant.benchmarks.report.Table;
import dev.sextant.benchmarks.report.TargetCheck;
import dev.sextant.demo.output.DemoLoad;
import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue 10's demo data: simulated users loaded into a DuckDB file through the event store's {@code
 * append}, as the embedded server does on first start, next to the simulation alone (the baseline:
 * the same events generated and counted, not stored), for the default demo (1,000 users) and a
 * larger one.
 *
 * <p>Arguments: {@code [users of the larger run=5500] [work directory=target/demo-load]}.
 */
public final class DemoLoadBenchmark {

  private static final int DAYS = 90;
  private static final long SEED = 2017;

  private DemoLoadBenchmark() {}

  public static void main(String[] args) throws IOException {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 5_500;
    Path work = Path.of(args.length > 1 ? args[1] : "target/demo-load");
    Files.createDirectories(work);
    BenchmarkResult.Builder result =
        BenchmarkResult.builder("demo-load", "Demo data: simulate and load into DuckDB")
            .method(
                """
                The demo simulation (`DemoSimulation`, %d days, seed %d) appended to a new DuckDB \
                file in batches of %,d through `DuckDbEventStore.append`, the embedded server's \
                first-start path, with column types observed from the values (the CLI's path; the \
                server uses the plan's). The baseline generates the same events and only counts \
                them. The ratio is the load's rate over the simulation's: what storing costs.\
                """
                    .formatted(DAYS, SEED, DemoLoad.DEFAULT_BATCH_SIZE))
            .command(
                """
                java --enable-native-access=ALL-UNNAMED -cp "$(cat benchmarks/target/classpath.txt)" \\
                  dev.sextant.benchmarks.demo.DemoLoadBenchmark %d target/demo-load\
                """
                    .formatted(users));
    Table.Builder table =
        Table.builder(
            "",
            "run",
            "events >",
            "simulation alone >",
            "simulate and load >",
            "events per minute loaded >",
            "load ÷ simulation >");
    double defaultSeconds = 0;
    double perMinute = 0;
    for (int size : new int[] {1_000, users}) {
      SimulationSettings settings = SimulationSettings.caseStudy("demo", size, DAYS, SEED);
      Rate simulated = simulateOnly(settings);
      Rate loaded = load(settings, work.resolve("demo-" + size + ".duckdb"));
      table.row(
          String.format(Locale.ROOT, "%,d users, %d days", size, DAYS),
          String.format(Locale.ROOT, "%,d", loaded.events()),
          simulated.describe(),
          loaded.describe(),
          String.format(Locale.ROOT, "%.2f M", loaded.perSecond() * 60 / 1e6),
          String.format(Locale.ROOT, "%.2f", loaded.perSecond() / simulated.perSecond()));
      if (size == 1_000) {
        defaultSeconds = loaded.seconds();
      } else {
        perMinute = loaded.perSecond() * 60;
      }
    }
    result.table(table.build());
    result.target(
        TargetCheck.atLeast("demo events loaded into DuckDB per minute", 1e6, perMinute, "%,.0f"));
    result.target(
        TargetCheck.atMost(
            "the server's default demo (1,000 users) loaded, s", 30, defaultSeconds, "%.1f"));
    ResultFiles.publish(result.build());
  }

  private record Rate(long events, double seconds) {
    double perSecond() {
      return events / seconds;
    }

    String describe() {
      return String.format(Locale.ROOT, "%.1f s, %,.0f events/s", seconds, perSecond());
    }
  }

  private static Rate simulateOnly(SimulationSettings settings) {
    long[] count = {0};
    long started = System.nanoTime();
    new DemoSimulation(settings).run(event -> count[0]++);
    return new Rate(count[0], (System.nanoTime() - started) / 1e9);
  }

  private static Rate load(SimulationSettings settings, Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(Path.of(file + ".wal"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long started = System.nanoTime();
    long events;
    try (DuckDbEventStore store = DuckDbEventStore.open(file)) {
      store.createSchema();
      events =
          DemoLoad.into(
              store, new DemoSimulation(settings), DemoLoad.DEFAULT_BATCH_SIZE, stored -> {});
    }
    return new Rate(events, (System.nanoTime() - started) / 1e9);
  }
}
