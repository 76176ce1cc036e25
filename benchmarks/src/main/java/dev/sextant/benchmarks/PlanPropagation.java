package dev.sextant.benchmarks;

import dev.sextant.registry.editing.PlanEditor;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.CachingPlanStorage;
import dev.sextant.registry.storage.JdbcPlanStorage;
import dev.sextant.registry.storage.PlanStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures how long a plan change takes to reach another process: a registry and a collector, each
 * with its own {@link CachingPlanStorage} as wired in production (virtual-thread reloads, the
 * default TTL), share one database. The registry saves a change at a random moment; the collector
 * reads its plan every millisecond, as under steady traffic, until it sees the new version.
 *
 * <p>Run: {@code java -cp ... dev.sextant.benchmarks.PlanPropagation [trials] [ttl-ms]}.
 */
public final class PlanPropagation {

  private PlanPropagation() {}

  public static void main(String[] args) throws InterruptedException {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Duration ttl = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 5000);
    DataSource database = new DriverManagerDataSource("jdbc:h2:mem:propagation;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(database).load().migrate();
    PlanStorage registry = process(database, ttl);
    PlanStorage collector = process(database, ttl);
    PlanEditor editor = new PlanEditor(registry);
    editor.apply(new TrackingPlan("demo", 0, List.of(), List.of()), "bench", false);

    List<Long> delays = new ArrayList<>();
    for (int trial = 1; trial <= trials; trial++) {
      collector.find("demo");
      TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(ttl.toMillis()));
      TrackingPlan current = registry.find("demo").orElseThrow();
      List<EventDefinition> events = new ArrayList<>(current.events());
      events.add(new EventDefinition("Event" + trial, null, List.of()));
      long saved = editor.apply(current.withEvents(events), "bench", false).version();
      long start = System.nanoTime();
      while (collector.find("demo").orElseThrow().version() < saved) {
        TimeUnit.MILLISECONDS.sleep(1);
      }
      delays.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    LongSummaryStatistics stats = delays.stream().mapToLong(Long::longValue).summaryStatistics();
    List<Long> sorted = delays.stream().sorted().toList();
    System.out.printf(
        "TTL %d ms, %d changes: min %d ms, median %d ms, p90 %d ms, max %d ms, mean %.0f ms%n",
        ttl.toMillis(),
        trials,
        stats.getMin(),
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
        stats.getMax(),
        stats.getAverage());
  }

  private static PlanStorage process(DataSource database, Duration ttl) {
    return new CachingPlanStorage(
        new JdbcPlanStorage(
            JdbcClient.create(database),
            new TransactionTemplate(new DataSourceTransactionManager(database)),
            Clock.systemUTC()),
        Clock.systemUTC(),
        ttl,
        reload -> Thread.ofVirtual().name("plan-reload").start(reload));
  }
}
