package dev.sextant.benchmarks.query;

import dev.sextant.benchmarks.report.BenchmarkResult;
import dev.sextant.benchmarks.report.ResultFiles;
import dev.sextant.benchmarks.report.Table;
import dev.sextant.benchmarks.report.TargetCheck;
import dev.sextant.query.engine.AnalysisEngine;
import dev.sextant.query.sql.ClickHouseDialect;
import dev.sextant.query.sql.DuckDbDialect;
import dev.sextant.store.EventQueries;
import dev.sextant.store.EventStore;
import dev.sextant.store.EventTables;
import dev.sextant.store.clickhouse.ClickHouseConnection;
import dev.sextant.store.clickhouse.ClickHouseEventStore;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times every analysis of {@link BenchmarkCases} as Sextant compiles it and as the hand-written
 * baseline, on ClickHouse and DuckDB holding the same generated events, and reports a table for
 * {@code docs/benchmarks.md} with issue 6's targets. Also checks that both engines give the same
 * answers.
 *
 * <p>Run: {@code java -cp ... dev.sextant.benchmarks.query.QueryBenchmark --events 10000000
 * --clickhouse http://localhost:8123 --duckdb /tmp/bench.duckdb [--runs 5]}. Tables already holding
 * the requested number of events are reused.
 */
public final class QueryBenchmark {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  public static void main(String[] args) {
    Map<String, String> options = options(args);
    long events = Long.parseLong(options.getOrDefault("events", "10000000"));
    long users = Long.parseLong(options.getOrDefault("users", Long.toString(events / 100)));
    int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
    QueryBenchmark benchmark = new QueryBenchmark(events, users, runs);
    if (options.containsKey("clickhouse")) {
      benchmark.clickHouse(URI.create(options.get("clickhouse")));
    }
    if (options.containsKey("duckdb")) {
      benchmark.duckDb(Path.of(options.get("duckdb")));
    }
    ResultFiles.publish(benchmark.result());
  }

  private final long events;
  private final long users;
  private final int runs;
  private final BenchmarkResult.Builder result;
  private final Table.Builder table =
      Table.builder(
          "",
          "engine",
          "analysis",
          "Sextant median (min) >",
          "hand-written median (min) >",
          "ratio >");
  private final List<String> generation = new ArrayList<>();
  private final Map<String, Map<String, Object>> answers = new HashMap<>();

  /** Median milliseconds per engine and analysis, for the targets. */
  private final Map<String, Map<String, Double>> medians = new java.util.LinkedHashMap<>();

  private final Map<String, Map<String, Double>> ratios = new java.util.LinkedHashMap<>();
  private final Map<String, Double> sequenceP99 = new java.util.LinkedHashMap<>();

  private QueryBenchmark(long events, long users, int runs) {
    this.events = events;
    this.users = users;
    this.runs = runs;
    this.result =
        BenchmarkResult.builder(
                "query-" + size(events), "Analyses over " + size(events) + " events")
            .method(
                """
                The same generated events (%,d events, %,d users with about 100 events each over \
                90 days, eight event names skewed so that funnels narrow) in ClickHouse and \
                DuckDB, generated inside each engine by one `INSERT ... SELECT` with identical \
                integer arithmetic. Each analysis is timed as Sextant runs it \
                (`AnalysisEngine.run`: compilation, every statement, assembly in Java), %d runs \
                after one warm-up, next to the SQL a person would write by hand for the same \
                question on the same engine (ClickHouse's `windowFunnel`, a naive "first step-1 \
                event" join funnel on DuckDB, a distinct user-day join for retention: nearly the \
                same question, answered with less care; see docs/analyses.md for the exact \
                semantics). The user sequence is customer service's lookup: the newest 100 events \
                of one random user, 300 lookups after 20 warm-up ones.\
                """
                    .formatted(events, users, runs))
            .command(
                """
                java -Xmx8g --enable-native-access=ALL-UNNAMED -cp "$(cat benchmarks/target/classpath.txt)" \
                  dev.sextant.benchmarks.query.QueryBenchmark --events %d --runs %d \
                  --clickhouse http://localhost:8123 --duckdb target/bench-%s.duckdb\
                """
                    .formatted(events, runs, size(events)));
  }

  private void clickHouse(URI url) {
    ClickHouseHttpClient client =
        new ClickHouseHttpClient(
            // A database per size: a suite run holds 10 M and 100 M events side by side.
            ClickHouseConnection.of(url, "sextant_bench_" + size(events).toLowerCase(Locale.ROOT))
                // Generating 100 M rows in one INSERT ... SELECT takes minutes on 2 cores.
                .withTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(30)));
    client.createDatabaseIfAbsent();
    ClickHouseEventStore store = new ClickHouseEventStore(client);
    if (prepare(store, store, events, "clickhouse")) {
      generate(
          "clickhouse",
          events,
          () -> client.execute(BenchmarkData.clickHouseInsert(events, users)));
    }
    run(
        "clickhouse",
        new AnalysisEngine(store, new ClickHouseDialect(), BenchmarkData.TYPES),
        store);
    userSequence("clickhouse", store);
    client.close();
  }

  private void duckDb(Path file) {
    boolean empty;
    try (DuckDbEventStore store = DuckDbEventStore.open(file)) {
      empty = prepare(store, store, events, "duckdb");
    }
    if (empty) {
      generate("duckdb", events, () -> generateInDuckDb(file, events, users));
    }
    try (DuckDbEventStore store = DuckDbEventStore.open(file)) {
      run("duckdb", new AnalysisEngine(store, new DuckDbDialect(), BenchmarkData.TYPES), store);
      userSequence("duckdb", store);
    }
  }

  private BenchmarkResult result() {
    result.table(table.build());
    if (!generation.isEmpty()) {
      result.note("Generating the events: " + String.join("; ", generation) + ".");
    }
    if (answers.size() == 2) {
      boolean same = answers.get("clickhouse").equals(answers.get("duckdb"));
      result.note("Same answers on both engines: " + (same ? "yes." : "**NO**."));
      result.target(
          new TargetCheck(
              "ClickHouse and DuckDB give equal answers",
              "all analyses",
              same ? "yes" : "no",
              same));
    }
    addTargets();
    return result.build();
  }

  /** Issue 6's targets on ClickHouse, at 10 M and 100 M events; DuckDB within 2× of it. */
  private void addTargets() {
    boolean hundredMillion = events >= 100_000_000;
    Map<String, Double> clickHouse = medians.getOrDefault("clickhouse", Map.of());
    target(clickHouse, FUNNEL, "ClickHouse 4-step funnel, s", hundredMillion ? 3.0 : 0.3);
    target(clickHouse, RETENTION, "ClickHouse retention, s", hundredMillion ? 2.5 : 0.25);
    ratios
        .getOrDefault("clickhouse", Map.of())
        .forEach((analysis, ratio) ->
            result.target(
                TargetCheck.atMost(
                    "ClickHouse " + analysis + ": Sextant ÷ hand-written", 1.2, ratio, "%.2f×")));
    Map<String, Double> duckDb = medians.getOrDefault("duckdb", Map.of());
    duckDb.forEach((analysis, millis) -> {
      Double other = clickHouse.get(analysis);
      if (other != null) {
        result.target(
            TargetCheck.atMost(
                "DuckDB " + analysis + ": DuckDB ÷ ClickHouse", 2.0, millis / other, "%.2f×"));
      }
    });
    if (events <= 10_000_000) {
      sequenceP99.forEach((engine, p99) ->
          result.target(TargetCheck.atMost(engine + " user sequence p99, ms", 50, p99, "%.1f")));
    }
  }

  private void target(Map<String, Double> medians, String analysis, String what, double seconds) {
    Double millis = medians.get(analysis);
    if (millis != null) {
      result.target(TargetCheck.atMost(what, seconds, millis / 1000, "%.2f"));
    }
  }

  private static final String FUNNEL = "Funnel, 4 steps, 7 days, 1-day window";
  private static final String RETENTION = "Retention, recurring, 14 cohorts x 7 days";

  public static String size(long events) {
    if (events % 1_000_000 == 0) {
      return events / 1_000_000 + "M";
    }
    if (events % 1_000 == 0) {
      return events / 1_000 + "k";
    }
    return Long.toString(events);
  }

  /** The store must be closed: DuckDB lets one process hold a file, this connection included. */
  private static void generateInDuckDb(Path file, long events, long users) {
    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        Statement statement = connection.createStatement()) {
      statement.execute(BenchmarkData.duckDbInsert(events, users));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot generate the DuckDB events", e);
    }
  }

  /**
   * Creates the project's tables if absent; true when the events must still be generated, false
   * when the tables already hold them.
   */
  private static boolean prepare(
      EventStore store, EventQueries queries, long events, String engine) {
    store.createSchema();
    if (queries.propertyColumns(BenchmarkData.PROJECT).isPresent()) {
      String count = "SELECT count(*) FROM " + EventTables.events(BenchmarkData.PROJECT);
      long stored = (Long) queries.select(count, TIMEOUT).rows().getFirst().getFirst();
      if (stored == events + 1) {
        System.out.printf(Locale.ROOT, "%s: reusing %,d stored events%n", engine, stored);
        return false;
      }
      if (stored != 1) {
        throw new IllegalStateException(
            engine
                + " already holds "
                + stored
                + " benchmark events; use another database or file");
      }
      return true;
    }
    BenchmarkData.createTables(store);
    return true;
  }

  private void generate(String engine, long events, Runnable insert) {
    long started = System.nanoTime();
    insert.run();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "%s: generated %,d events in %.1f s%n", engine, events, seconds);
    generation.add(String.format(Locale.ROOT, "%s %.1f s", engine, seconds));
  }

  private void run(String engine, AnalysisEngine analyses, EventQueries queries) {
    Map<String, Object> results = new HashMap<>();
    for (BenchmarkCase benchmark : BenchmarkCases.all()) {
      Object[] answer = new Object[1];
      long[] sextant;
      try {
        sextant =
            time(
                runs,
                () ->
                    answer[0] = analyses.run(BenchmarkData.PROJECT, benchmark.analysis(), TIMEOUT));
      } catch (RuntimeException e) {
        table.row(engine, benchmark.name(), "failed: " + e.getMessage(), "", "");
        continue;
      }
      results.put(benchmark.name(), answer[0]);
      medians
          .computeIfAbsent(engine, e -> new java.util.LinkedHashMap<>())
          .put(benchmark.name(), median(sextant) / 1e6);
      String baselineSql = benchmark.baselines().get(engine);
      long[] baseline;
      try {
        baseline =
            baselineSql == null ? null : time(runs, () -> queries.select(baselineSql, TIMEOUT));
      } catch (RuntimeException e) {
        table.row(
            engine, benchmark.name(), millis(sextant), "baseline failed: " + e.getMessage(), "");
        continue;
      }
      double ratio = baseline == null ? Double.NaN : (double) median(sextant) / median(baseline);
      if (baseline != null) {
        ratios
            .computeIfAbsent(engine, e -> new java.util.LinkedHashMap<>())
            .put(benchmark.name(), ratio);
      }
      table.row(
          engine,
          benchmark.name(),
          millis(sextant),
          baseline == null ? "n/a" : millis(baseline),
          baseline == null ? "" : String.format(Locale.ROOT, "%.2f×", ratio));
      System.out.printf(Locale.ROOT, "%s %s: %s%n", engine, benchmark.name(), millis(sextant));
    }
    answers.put(engine, results);
  }

  /**
   * Customer service's lookup: the newest 100 events of one random user, 300 times after 20 warm-up
   * lookups; p50 and p99.
   */
  private void userSequence(String engine, EventStore store) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int i = 0; i < 20; i++) {
      store.findUserEvents(BenchmarkData.PROJECT, "u" + random.nextLong(users), 100);
    }
    long[] nanos = new long[300];
    for (int i = 0; i < nanos.length; i++) {
      String user = "u" + random.nextLong(users);
      long started = System.nanoTime();
      store.findUserEvents(BenchmarkData.PROJECT, user, 100);
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    double p99 = nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6;
    sequenceP99.put(engine, p99);
    table.row(
        engine,
        "User sequence (newest 100 events of one user)",
        String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", nanos[nanos.length / 2] / 1e6, p99),
        "n/a",
        "");
  }

  private static long[] time(int runs, Runnable work) {
    work.run();
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long started = System.nanoTime();
      work.run();
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static long median(long[] sorted) {
    return sorted[(sorted.length - 1) / 2];
  }

  private static String millis(long[] sorted) {
    return String.format(Locale.ROOT, "%,.0f ms (%,.0f)", median(sorted) / 1e6, sorted[0] / 1e6);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: --events N [--users U] [--runs R] [--clickhouse URL] [--duckdb FILE]");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
