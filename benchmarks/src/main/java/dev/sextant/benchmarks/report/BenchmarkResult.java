package dev.sextant.benchmarks.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark of the suite measured, as it writes it for the report ({@link ResultFiles})
 * and the report prints it ({@link BenchmarkReport}).
 *
 * @param id a short stable name, e.g. {@code query-10m}; the order of the report follows the suite
 * @param title the section's heading
 * @param method what is measured and against which baseline, in a few sentences of Markdown
 * @param command how to run this benchmark alone, from the repository root
 * @param started when it started
 * @param took how long it ran, start-up included
 * @param peakRssBytes the benchmark JVM's peak resident set ({@code VmHWM}), 0 if unknown
 * @param tables the figures, ratios to their baselines included
 * @param targets the issues' targets that these figures are held against
 * @param notes remarks of the run worth printing (e.g. "same answers on both engines: yes")
 */
public record BenchmarkResult(
    String id,
    String title,
    String method,
    String command,
    Instant started,
    Duration took,
    long peakRssBytes,
    List<Table> tables,
    List<TargetCheck> targets,
    List<String> notes) {

  public BenchmarkResult {
    tables = List.copyOf(tables);
    targets = List.copyOf(targets);
    notes = List.copyOf(notes);
  }

  /** A result to fill as the benchmark runs; {@link Builder#build()} takes the time and memory. */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /** Collects a {@link BenchmarkResult} while the benchmark runs. */
  public static final class Builder {
    private final String id;
    private final String title;
    private final Instant started = Instant.now();
    private final long startedNanos = System.nanoTime();
    private String method = "";
    private String command = "";
    private final List<Table> tables = new ArrayList<>();
    private final List<TargetCheck> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder command(String command) {
      this.command = command;
      return this;
    }

    public Builder table(Table table) {
      tables.add(table);
      return this;
    }

    public Builder target(TargetCheck target) {
      targets.add(target);
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    public BenchmarkResult build() {
      return new BenchmarkResult(
          id,
          title,
          method,
          command,
          started,
          Duration.ofNanos(System.nanoTime() - startedNanos),
          ProcessMemory.peakResidentBytes(),
          tables,
          targets,
          notes);
    }
  }
}
