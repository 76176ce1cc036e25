package dev.sextant.benchmarks.query;

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
 * baseline, on ClickHouse and DuckDB holding the same generated events, and prints a Markdown table
 * for {@code docs/benchmarks.md}. Also checks that both engines give the same answers.
 *
 * <p>Run: {@code java -cp ... dev.sextant.benchmarks.query.QueryBenchmark --events 10000000
 * --clickhouse http://localhost:8123 --duckdb /tmp/bench.duckdb [--runs 5]}. Tables already holding
 * the requested number of events are reused.
 */
public final class QueryBenchmark {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private QueryBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> options = options(args);
    long events = Long.parseLong(options.getOrDefault("events", "10000000"));
    long users = Long.parseLong(options.getOrDefault("users", Long.toString(events / 100)));
    int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
    Map<String, Map<String, Object>> answers = new HashMap<>();
    List<String> table = new ArrayList<>();
    table.add("| engine | analysis | Sextant median (min) | hand-written median (min) | ratio |");
    table.add("| --- | --- | ---: | ---: | ---: |");
    if (options.containsKey("clickhouse")) {
      ClickHouseHttpClient client =
          new ClickHouseHttpClient(
              ClickHouseConnection.of(URI.create(options.get("clickhouse")), "sextant_bench")
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
          store,
          runs,
          table,
          answers);
      table.add(userSequence("clickhouse", store, users));
      client.close();
    }
    if (options.containsKey("duckdb")) {
      Path file = Path.of(options.get("duckdb"));
      boolean empty;
      try (DuckDbEventStore store = DuckDbEventStore.open(file)) {
        empty = prepare(store, store, events, "duckdb");
      }
      if (empty) {
        generate("duckdb", events, () -> generateInDuckDb(file, events, users));
      }
      try (DuckDbEventStore store = DuckDbEventStore.open(file)) {
        run(
            "duckdb",
            new AnalysisEngine(store, new DuckDbDialect(), BenchmarkData.TYPES),
            store,
            runs,
            table,
            answers);
        table.add(userSequence("duckdb", store, users));
      }
    }
    System.out.printf(
        Locale.ROOT, "%n%,d events, %,d users, %d runs after one warm-up%n%n", events, users, runs);
    table.forEach(System.out::println);
    if (answers.size() == 2) {
      boolean same = answers.get("clickhouse").equals(answers.get("duckdb"));
      System.out.println();
      System.out.println("Same answers on both engines: " + (same ? "yes" : "NO"));
    }
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

  private static void generate(String engine, long events, Runnable insert) {
    long started = System.nanoTime();
    insert.run();
    System.out.printf(
        Locale.ROOT,
        "%s: generated %,d events in %.1f s%n",
        engine,
        events,
        (System.nanoTime() - started) / 1e9);
  }

  private static void run(
      String engine,
      AnalysisEngine analyses,
      EventQueries queries,
      int runs,
      List<String> table,
      Map<String, Map<String, Object>> answers) {
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
        table.add(
            "| %s | %s | failed: %s | | |".formatted(engine, benchmark.name(), e.getMessage()));
        continue;
      }
      results.put(benchmark.name(), answer[0]);
      String baselineSql = benchmark.baselines().get(engine);
      long[] baseline;
      try {
        baseline =
            baselineSql == null ? null : time(runs, () -> queries.select(baselineSql, TIMEOUT));
      } catch (RuntimeException e) {
        table.add(
            "| %s | %s | %s | baseline failed: %s | |"
                .formatted(engine, benchmark.name(), millis(sextant), e.getMessage()));
        continue;
      }
      table.add(
          "| %s | %s | %s | %s | %s |"
              .formatted(
                  engine,
                  benchmark.name(),
                  millis(sextant),
                  baseline == null ? "n/a" : millis(baseline),
                  baseline == null
                      ? ""
                      : String.format(
                          Locale.ROOT, "%.2f×", (double) median(sextant) / median(baseline))));
      System.out.printf(Locale.ROOT, "%s %s: %s%n", engine, benchmark.name(), millis(sextant));
    }
    answers.put(engine, results);
  }

  /**
   * Customer service's lookup: the newest 100 events of one random user, 300 times after 20 warm-up
   * lookups; p50 and p99.
   */
  private static String userSequence(String engine, EventStore store, long users) {
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
    return String.format(
        Locale.ROOT,
        "| %s | User sequence (newest 100 events of one user) | p50 %.1f ms, p99 %.1f ms | n/a | |",
        engine,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6);
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
