package dev.sextant.benchmarks.report;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes {@code docs/benchmarks.md} from a suite run: the machine, the commands, every target held
 * against its figure, the memory each benchmark used, and each benchmark's tables.
 */
public final class BenchmarkReport {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private BenchmarkReport() {}

  /**
   * The whole document.
   *
   * @param run the run as a whole: machine, command, failures, later partial updates
   * @param results the benchmarks' results, in the suite's order
   */
  public static String render(SuiteRun run, List<BenchmarkResult> results) {
    Machine machine = run.machine();
    StringBuilder out = new StringBuilder();
    out.append("# Benchmarks\n\n");
    out.append("Written by the benchmark suite (`scripts/benchmark.sh`) from its run of ")
        .append(MINUTE.format(run.started()))
        .append(" (")
        .append(minutes(run.took()))
        .append(") on commit `")
        .append(machine.commit())
        .append("`; do not edit it by hand, run the suite again. Every figure below comes from")
        .append(" a run on this machine, next to a baseline measured in the same run.")
        .append(" Earlier runs, the profiles behind the optimisations and their analysis are in")
        .append(" [benchmark-history.md](benchmark-history.md).\n\n");
    for (SuiteRun.Update update : run.updates()) {
      out.append("Updated on ")
          .append(MINUTE.format(update.started()))
          .append(" (commit `")
          .append(update.commit())
          .append("`, load average ")
          .append(update.loadAtStart())
          .append(" at its start, ")
          .append(update.loadAtEnd())
          .append(" at its end): ")
          .append(
              update.benchmarks().stream()
                  .map(id -> "`" + id + "`")
                  .collect(Collectors.joining(", ")))
          .append(" ran again with `")
          .append(update.command())
          .append("`, and their sections below are from that run.\n\n");
    }
    out.append("## Machine\n\n");
    out.append(
        table(
            Table.builder("", "", "")
                .row("CPU", machine.cpu() + " (" + machine.cpus() + " CPUs seen by the JVM)")
                .row("Memory", gib(machine.memoryBytes()))
                .row("OS", machine.os())
                .row("JDK", machine.jdk())
                .row(
                    "Components",
                    machine.components().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .row(
                    "Load average (1, 5, 15 min)",
                    "at start " + machine.loadAtStart() + ", at end " + machine.loadAtEnd())
                .build()));
    out.append(
        "Everything runs on this one machine: load generators, brokers, databases and the"
            + " services under test share its cores, so the ratios to the baselines are the"
            + " figures to compare between runs, not the absolute rates.\n\n");
    out.append("## Reproduce\n\n```bash\n").append(run.command()).append("\n```\n\n");
    out.append(
        "`scripts/benchmark.sh --help` lists the options (sizes, a quick run, one benchmark"
            + " alone). Each section below also gives the command that runs its benchmark"
            + " alone.\n\n");
    List<String> failures = new java.util.ArrayList<>(run.failures());
    run.updates().forEach(update -> failures.addAll(update.failures()));
    if (!failures.isEmpty()) {
      out.append("## Benchmarks that failed in this run\n\n");
      failures.forEach(f -> out.append("- ").append(f).append('\n'));
      out.append('\n');
    }
    out.append("## Targets\n\n");
    Table.Builder targets = Table.builder("", "benchmark", "what", "target", "measured", "met");
    for (BenchmarkResult result : results) {
      for (TargetCheck target : result.targets()) {
        targets.row(
            result.title(),
            target.what(),
            target.target(),
            target.measured(),
            target.met() ? "yes" : "**no**");
      }
    }
    out.append(table(targets.build()));
    out.append("## Memory and time\n\n");
    Table.Builder memory =
        Table.builder(
            "Peak resident set (`VmHWM`) of each benchmark's JVM, which holds the services under"
                + " test, the load generator and, for Kafka, the broker; ClickHouse runs as its own"
                + " process.",
            "benchmark",
            "peak resident set >",
            "took >",
            "started");
    for (BenchmarkResult result : results) {
      memory.row(
          result.title(),
          mib(result.peakRssBytes()),
          seconds(result.took()),
          MINUTE.format(result.started()));
    }
    new java.util.TreeMap<>(run.otherProcesses())
        .forEach((name, bytes) -> memory.row(name, mib(bytes), "", ""));
    out.append(table(memory.build()));
    for (BenchmarkResult result : results) {
      out.append(section(result));
    }
    return out.toString();
  }

  /** One benchmark's section: its method, command, tables and notes. */
  public static String section(BenchmarkResult result) {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(result.title()).append("\n\n");
    if (!result.method().isBlank()) {
      out.append(result.method().strip()).append("\n\n");
    }
    if (!result.command().isBlank()) {
      out.append("Alone:\n\n```bash\n").append(result.command().strip()).append("\n```\n\n");
    }
    for (Table table : result.tables()) {
      out.append(table(table));
    }
    for (String note : result.notes()) {
      out.append(note.strip()).append("\n\n");
    }
    return out.toString();
  }

  /** A Markdown table, its caption above it. */
  static String table(Table table) {
    StringBuilder out = new StringBuilder();
    if (!table.caption().isBlank()) {
      out.append(table.caption().strip()).append("\n\n");
    }
    out.append('|');
    for (String column : table.columns()) {
      out.append(' ').append(columnName(column)).append(" |");
    }
    out.append("\n|");
    for (String column : table.columns()) {
      out.append(column.endsWith(" >") ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<String> row : table.rows()) {
      out.append('|');
      for (String cell : row) {
        out.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
      }
      out.append('\n');
    }
    return out.append('\n').toString();
  }

  private static String columnName(String column) {
    return column.endsWith(" >") ? column.substring(0, column.length() - 2) : column;
  }

  static String mib(long bytes) {
    return bytes <= 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
  }

  static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%,d s", Math.round(duration.toMillis() / 1000.0));
  }

  static String minutes(Duration duration) {
    return duration.toSeconds() < 60
        ? duration.toSeconds() + " s"
        : Math.round(duration.toSeconds() / 60.0) + " min";
  }
}
