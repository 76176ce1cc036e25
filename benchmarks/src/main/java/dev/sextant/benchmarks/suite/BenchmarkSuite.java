package dev.sextant.benchmarks.suite;

import dev.sextant.benchmarks.report.BenchmarkReport;
import dev.sextant.benchmarks.report.BenchmarkResult;
import dev.sextant.benchmarks.report.Machine;
import dev.sextant.benchmarks.report.ProcessMemory;
import dev.sextant.benchmarks.report.ResultFiles;
import dev.sextant.benchmarks.report.SuiteRun;
import dev.sextant.testsupport.clickhouse.PrivateClickHouseServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 10's one command: runs every benchmark (one JVM each, see {@link SuitePlan}) against a
 * ClickHouse server of its own and writes {@code docs/benchmarks.md} from their results. A
 * benchmark that fails is named in the report and the suite goes on with the next; the exit status
 * says whether all of them ran.
 *
 * <p>Started by {@code scripts/benchmark.sh}, which builds the classpath first; see its {@code
 * --help}.
 */
public final class BenchmarkSuite {

  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(Options.USAGE);
      return;
    }
    Instant started = Instant.now();
    long startedNanos = System.nanoTime();
    String loadAtStart = MachineProbe.loadAverage();
    Path work = options.work();
    Path results = work.resolve("results");
    Path runFile = work.resolve("suite-run.json");
    String command =
        "scripts/benchmark.sh" + (args.length == 0 ? "" : " " + String.join(" ", args));
    SuiteRun previous = null;
    if (options.update()) {
      if (!Files.exists(runFile)) {
        throw new IllegalStateException(
            "--update replaces results of an earlier run, but " + runFile + " holds none");
      }
      previous = ResultFiles.readRun(runFile);
      if (previous.quick() != options.quick()) {
        throw new IllegalStateException(
            "the earlier run was "
                + (previous.quick() ? "" : "not ")
                + "a --quick run: so must the update be");
      }
    }
    SuitePlan.Settings settings =
        new SuitePlan.Settings(options.quick(), options.querySizes(), null, work);
    List<SuitePlan.Step> plan = SuitePlan.steps(settings);
    List<SuitePlan.Step> steps =
        options.only().isEmpty() ? plan : SuitePlan.only(plan, options.only());
    Files.createDirectories(results);
    forgetResults(results, options.update() ? steps : plan);

    PrivateClickHouseServer ownServer = null;
    URI clickHouse = options.clickHouse();
    if (clickHouse == null) {
      System.out.println("Starting a private ClickHouse server ...");
      ownServer = PrivateClickHouseServer.start();
      clickHouse = ownServer.httpUrl();
    }
    List<String> failures = new ArrayList<>();
    Map<String, Long> otherProcesses = new LinkedHashMap<>();
    Machine machine;
    try {
      steps = SuitePlan.withClickHouse(steps, clickHouse);
      int number = 0;
      for (SuitePlan.Step step : steps) {
        number++;
        System.out.printf(
            Locale.ROOT,
            "%n=== [%d/%d] %s (%s, %.0f min into the suite) ===%n",
            number,
            steps.size(),
            step.id(),
            String.join(" ", step.arguments()),
            (System.nanoTime() - startedNanos) / 60e9);
        String failure = run(step, resultFile(results, plan, step));
        if (failure != null) {
          System.out.println("FAILED: " + failure);
          failures.add("`" + step.id() + "`: " + failure);
        }
      }
      if (ownServer != null) {
        ProcessMemory.peakResidentBytes(ownServer.pid())
            .ifPresent(bytes -> otherProcesses.put("ClickHouse server", bytes));
      }
      machine = MachineProbe.probe(clickHouse, loadAtStart);
    } finally {
      if (ownServer != null) {
        ownServer.close();
      }
    }
    SuiteRun run;
    if (previous != null) {
      run =
          previous.withUpdate(
              new SuiteRun.Update(
                  command,
                  started,
                  machine.commit(),
                  loadAtStart,
                  machine.loadAtEnd(),
                  steps.stream().map(SuitePlan.Step::id).toList(),
                  failures));
    } else {
      run =
          new SuiteRun(
              command,
              options.quick(),
              started,
              Duration.ofNanos(System.nanoTime() - startedNanos),
              machine,
              failures,
              otherProcesses,
              List.of());
    }
    if (options.only().isEmpty() || options.update()) {
      ResultFiles.writeRun(run, runFile);
    }
    List<BenchmarkResult> measured = ResultFiles.readAll(results);
    Path out = options.out();
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, BenchmarkReport.render(run, measured));
    System.out.printf(
        Locale.ROOT,
        "%nWrote %s: %d benchmarks, %d failed, in %.0f min.%n",
        out,
        measured.size(),
        failures.size(),
        (System.nanoTime() - startedNanos) / 60e9);
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /**
   * A benchmark's result file, numbered by its place in the whole suite: the report follows the
   * suite's order, and an update replaces the same file.
   */
  private static Path resultFile(Path results, List<SuitePlan.Step> plan, SuitePlan.Step step) {
    int index = 0;
    while (!plan.get(index).id().equals(step.id())) {
      index++;
    }
    return results.resolve(String.format(Locale.ROOT, "%02d-%s.json", index + 1, step.id()));
  }

  /** Deletes the results of these steps, so that a failed benchmark leaves no stale result. */
  private static void forgetResults(Path results, List<SuitePlan.Step> steps) throws IOException {
    try (Stream<Path> files = Files.list(results)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        boolean ours =
            steps.stream()
                .anyMatch(step -> name.matches("\\d+-" + Pattern.quote(step.id()) + "\\.json"));
        if (ours) {
          Files.delete(file);
        }
      }
    }
  }

  /** Runs one benchmark JVM; why it failed, or null. */
  private static String run(SuitePlan.Step step, Path result) throws InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + step.maxHeap());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-D" + ResultFiles.REPORT_PROPERTY + "=" + result.toAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(step.mainClass());
    command.addAll(step.arguments());
    Process process;
    try {
      process = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      return "cannot start its JVM: " + e.getMessage();
    }
    int status = process.waitFor();
    if (status != 0) {
      return "its JVM exited with status " + status + " (its output is above in the suite's log)";
    }
    if (!Files.exists(result)) {
      return "it wrote no result";
    }
    return null;
  }

  /** The command line. */
  record Options(
      boolean help,
      boolean quick,
      boolean update,
      List<Long> querySizes,
      Set<String> only,
      URI clickHouse,
      Path work,
      Path out) {

    static final String USAGE =
        """
        usage: scripts/benchmark.sh [--quick] [--sizes N,N] [--only ID,ID] [--clickhouse URL]
                                    [--work DIR] [--out FILE]
          --quick        shorter phases and 1 M events for the analyses (about 15 minutes)
          --sizes        the analyses' numbers of events (default 10000000,100000000)
          --only         run only these benchmarks: jmh, demo-load, collector-distributed,
                         collector-embedded, ingest-distributed, sink, query-<size>
                         (e.g. query-10M); the report then goes to <work>/benchmarks.md
                         unless --out is given
          --update       with --only: run those again and replace their results in the last
                         full run's report (docs/benchmarks.md), which says so
          --clickhouse   measure against this ClickHouse HTTP interface instead of a private
                         server started for the run (the suite creates its own databases)
          --work         where DuckDB files and results go (default target/benchmark-suite)
          --out          where the report goes (default docs/benchmarks.md)\
        """;

    static Options parse(String[] args) {
      boolean help = false;
      boolean quick = false;
      boolean update = false;
      List<Long> sizes = null;
      Set<String> only = new LinkedHashSet<>();
      URI clickHouse = null;
      Path work = Path.of("target/benchmark-suite");
      Path out = null;
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        switch (option) {
          case "--help", "-h" -> help = true;
          case "--quick" -> quick = true;
          case "--update" -> update = true;
          case "--sizes" ->
              sizes =
                  Arrays.stream(value(args, ++i, option).split(","))
                      .map(size -> Long.parseLong(size.strip().replace("_", "")))
                      .toList();
          case "--only" -> only.addAll(Arrays.asList(value(args, ++i, option).split(",")));
          case "--clickhouse" -> clickHouse = URI.create(value(args, ++i, option));
          case "--work" -> work = Path.of(value(args, ++i, option));
          case "--out" -> out = Path.of(value(args, ++i, option));
          default -> throw new IllegalArgumentException("unknown option: " + option);
        }
      }
      if (sizes == null) {
        sizes = quick ? SuitePlan.QUICK_QUERY_SIZES : SuitePlan.FULL_QUERY_SIZES;
      }
      if (update && only.isEmpty()) {
        throw new IllegalArgumentException("--update needs --only: which benchmarks to run again");
      }
      if (out == null) {
        // A partial run must not replace the full report, unless it updates it.
        out =
            only.isEmpty() || update
                ? Path.of("docs/benchmarks.md")
                : work.resolve("benchmarks.md");
      }
      return new Options(help, quick, update, sizes, only, clickHouse, work, out);
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }
  }
}
