package dev.sextant.demo;

import dev.sextant.demo.output.DemoLoad;
import dev.sextant.demo.output.SensorsJsonLinesWriter;
import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates the demo data from the command line, into Sensors JSON lines or a DuckDB file:
 *
 * <pre>
 * java -cp … dev.sextant.demo.DemoDataCommand --users 10000 --days 90 --seed 42 --out events.jsonl.gz
 * java -cp … dev.sextant.demo.DemoDataCommand --users 10000 --days 90 --seed 42 --duckdb demo.duckdb
 * </pre>
 */
public final class DemoDataCommand {

  private static final Set<String> OPTIONS =
      Set.of("--users", "--days", "--seed", "--project", "--out", "--duckdb", "--batch-size");

  private DemoDataCommand() {}

  public static void main(String[] args) {
    try {
      run(parse(args), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: DemoDataCommand --users N --days M [--seed S] [--project demo]"
              + " (--out events.jsonl[.gz] | --duckdb file.duckdb [--batch-size 20000])");
      System.exit(2);
    }
  }

  /** Runs the command; the number of events generated. */
  static long run(Map<String, String> options, PrintStream out) {
    SimulationSettings settings =
        SimulationSettings.caseStudy(
            options.getOrDefault("--project", "demo"),
            integer(options, "--users", 10_000),
            integer(options, "--days", 90),
            Long.parseLong(options.getOrDefault("--seed", "42")));
    DemoSimulation simulation = new DemoSimulation(settings);
    long started = System.nanoTime();
    long events;
    if (options.containsKey("--out") == options.containsKey("--duckdb")) {
      throw new IllegalArgumentException("give exactly one of --out and --duckdb");
    } else if (options.containsKey("--out")) {
      try (SensorsJsonLinesWriter writer =
          SensorsJsonLinesWriter.open(Path.of(options.get("--out")))) {
        simulation.run(writer);
        events = writer.written();
      }
    } else {
      try (DuckDbEventStore store = DuckDbEventStore.open(Path.of(options.get("--duckdb")))) {
        store.createSchema();
        int batchSize = integer(options, "--batch-size", DemoLoad.DEFAULT_BATCH_SIZE);
        events = DemoLoad.into(store, simulation, batchSize, stored -> progress(out, stored));
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        "%d users over %d days (seed %d): %d events in %.1f s, %.0f events/s%n",
        settings.users(), settings.days(), settings.seed(), events, seconds, events / seconds);
    return events;
  }

  private static void progress(PrintStream out, long stored) {
    if (stored % 1_000_000 < DemoLoad.DEFAULT_BATCH_SIZE) {
      out.printf("  %d events stored%n", stored);
    }
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    List<String> list = List.of(args);
    for (int i = 0; i < list.size(); i += 2) {
      String name = list.get(i);
      if (!OPTIONS.contains(name) || i + 1 == list.size()) {
        throw new IllegalArgumentException("unknown option or missing value: " + name);
      }
      options.put(name, list.get(i + 1));
    }
    return options;
  }

  private static int integer(Map<String, String> options, String name, int otherwise) {
    String value = options.get(name);
    try {
      return value == null ? otherwise : Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was " + value, e);
    }
  }
}
