package dev.sextant.benchmarks.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the report says about the run as a whole, kept beside the results so that a later partial
 * run ({@code --update}) can replace some benchmarks' results and write the report again.
 *
 * @param command the suite's command line, as typed
 * @param quick whether it was a quick run (an update must be of the same kind)
 * @param started when it started
 * @param took how long it ran
 * @param machine the machine and components
 * @param failures the benchmarks that failed, with why
 * @param otherProcesses peak resident sets of processes other than the benchmarks' JVMs
 * @param updates the partial runs since, oldest first
 */
public record SuiteRun(
    String command,
    boolean quick,
    Instant started,
    Duration took,
    Machine machine,
    List<String> failures,
    Map<String, Long> otherProcesses,
    List<Update> updates) {

  public SuiteRun {
    failures = List.copyOf(failures);
    otherProcesses = Map.copyOf(otherProcesses);
    updates = List.copyOf(updates);
  }

  /**
   * A partial run that replaced some benchmarks' results.
   *
   * @param command its command line
   * @param started when it started
   * @param commit the commit it measured
   * @param loadAtStart the load average when it started
   * @param loadAtEnd the load average when it ended
   * @param benchmarks the benchmarks it ran
   * @param failures those of them that failed, with why
   */
  public record Update(
      String command,
      Instant started,
      String commit,
      String loadAtStart,
      String loadAtEnd,
      List<String> benchmarks,
      List<String> failures) {
    public Update {
      benchmarks = List.copyOf(benchmarks);
      failures = List.copyOf(failures);
    }
  }

  /**
   * This run with a later partial one: the benchmarks it ran again no longer count as failed by the
   * runs before it (their results are replaced; a new failure is the update's own).
   */
  public SuiteRun withUpdate(Update update) {
    List<Update> all = new java.util.ArrayList<>();
    for (Update earlier : updates) {
      all.add(
          new Update(
              earlier.command(),
              earlier.started(),
              earlier.commit(),
              earlier.loadAtStart(),
              earlier.loadAtEnd(),
              earlier.benchmarks(),
              notRunAgain(earlier.failures(), update.benchmarks())));
    }
    all.add(update);
    return new SuiteRun(
        command,
        quick,
        started,
        took,
        machine,
        notRunAgain(failures, update.benchmarks()),
        otherProcesses,
        all);
  }

  /** Failures are written "`id`: why" ({@code BenchmarkSuite}). */
  private static List<String> notRunAgain(List<String> failures, List<String> ranAgain) {
    return failures.stream()
        .filter(failure -> ranAgain.stream().noneMatch(id -> failure.startsWith("`" + id + "`")))
        .toList();
  }
}
