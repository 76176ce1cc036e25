package dev.sextant.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

  private static final Machine MACHINE =
      new Machine(
          "Intel(R) Xeon(R) Processor",
          2,
          24L * 1024 * 1024 * 1024,
          "Linux 6.18",
          "Eclipse Adoptium 25.0.3+9",
          Map.of("ClickHouse", "18.16.1"),
          "abc1234",
          "0.45 1.41 1.74",
          "3.10 2.00 1.80");

  private static BenchmarkResult sink(double ratio) {
    return new BenchmarkResult(
        "sink",
        "The sink",
        "How it is measured.",
        "java -cp ... SinkBenchmark",
        Instant.parse("2026-12-08T04:00:00Z"),
        Duration.ofSeconds(95),
        3L * 1024 * 1024 * 1024,
        List.of(
            Table.builder("Rows per second.", "path", "rows/s >")
                .row("raw | baseline", "100,000")
                .row("sink", "60,000")
                .build()),
        List.of(TargetCheck.atLeast("sink ÷ raw", 0.7, ratio, "%.2f")),
        List.of("Same answers: yes."));
  }

  private static SuiteRun run(List<String> failures) {
    return new SuiteRun(
        "scripts/benchmark.sh",
        false,
        Instant.parse("2026-12-08T04:00:00Z"),
        Duration.ofMinutes(52),
        MACHINE,
        failures,
        Map.of("ClickHouse server", 2L * 1024 * 1024 * 1024),
        List.of());
  }

  private static String render(List<BenchmarkResult> results, List<String> failures) {
    return BenchmarkReport.render(run(failures), results);
  }

  @Test
  void statesTheMachineTheDateTheCommitAndTheCommand() {
    String report = render(List.of(sink(0.6)), List.of());

    assertThat(report)
        .startsWith("# Benchmarks\n")
        .contains("2026-12-08 04:00 UTC (52 min) on commit `abc1234`")
        .contains("| CPU | Intel(R) Xeon(R) Processor (2 CPUs seen by the JVM) |")
        .contains("| Memory | 24.0 GiB |")
        .contains("| Components | ClickHouse 18.16.1 |")
        .contains("at start 0.45 1.41 1.74, at end 3.10 2.00 1.80")
        .contains("```bash\nscripts/benchmark.sh\n```");
  }

  @Test
  void holdsEveryTargetAgainstItsFigureAndMarksWhatIsMissed() {
    assertThat(render(List.of(sink(0.6)), List.of()))
        .contains("| The sink | sink ÷ raw | ≥ 0.70 | 0.60 | **no** |");
    assertThat(render(List.of(sink(0.75)), List.of()))
        .contains("| The sink | sink ÷ raw | ≥ 0.70 | 0.75 | yes |");
  }

  @Test
  void listsMemoryAndTimePerBenchmarkAndOtherProcesses() {
    assertThat(render(List.of(sink(0.6)), List.of()))
        .contains("| The sink | 3,072 MiB | 95 s | 2026-12-08 04:00 UTC |")
        .contains("| ClickHouse server | 2,048 MiB |  |  |");
  }

  @Test
  void printsEachSectionWithItsMethodCommandTablesAndNotes() {
    String section = BenchmarkReport.section(sink(0.6));

    assertThat(section)
        .isEqualTo(
            """
            ## The sink

            How it is measured.

            Alone:

            ```bash
            java -cp ... SinkBenchmark
            ```

            Rows per second.

            | path | rows/s |
            | --- | ---: |
            | raw \\| baseline | 100,000 |
            | sink | 60,000 |

            Same answers: yes.

            """);
  }

  @Test
  void namesTheBenchmarksThatFailedInsteadOfHidingThem() {
    assertThat(render(List.of(), List.of("`sink`: its JVM exited with status 1")))
        .contains(
            "## Benchmarks that failed in this run\n\n- `sink`: its JVM exited with status 1");
    assertThat(render(List.of(sink(0.6)), List.of())).doesNotContain("failed in this run");
  }

  @Test
  void saysWhichSectionsALaterPartialRunReplaced() {
    SuiteRun updated =
        run(List.of())
            .withUpdate(
                new SuiteRun.Update(
                    "scripts/benchmark.sh --update --only sink",
                    Instant.parse("2026-12-08T06:10:00Z"),
                    "def5678",
                    "1.00 1.00 1.00",
                    "2.00 1.50 1.10",
                    List.of("sink"),
                    List.of("`sink`: it wrote no result")));

    assertThat(BenchmarkReport.render(updated, List.of(sink(0.8))))
        .contains(
            "Updated on 2026-12-08 06:10 UTC (commit `def5678`, load average 1.00 1.00 1.00 at"
                + " its start, 2.00 1.50 1.10 at its end): `sink` ran again with `scripts/benchmark.sh"
                + " --update --only sink`")
        .contains("- `sink`: it wrote no result");
  }

  @Test
  void aBenchmarkThatFailedAndRanAgainIsNoLongerListedAsFailed() {
    SuiteRun updated =
        run(List.of("`sink`: its JVM exited with status 1", "`jmh`: it wrote no result"))
            .withUpdate(
                new SuiteRun.Update(
                    "scripts/benchmark.sh --update --only sink",
                    Instant.parse("2026-12-08T06:10:00Z"),
                    "def5678",
                    "1.00 1.00 1.00",
                    "2.00 1.50 1.10",
                    List.of("sink"),
                    List.of()));

    assertThat(updated.failures()).containsExactly("`jmh`: it wrote no result");
    assertThat(BenchmarkReport.render(updated, List.of(sink(0.8))))
        .doesNotContain("`sink`: its JVM exited")
        .contains("- `jmh`: it wrote no result");
  }

  @Test
  void aRowMustHaveACellPerColumn() {
    assertThatThrownBy(() -> Table.builder("", "a", "b").row("only one").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 cells for 2 columns");
  }

  @Test
  void targetsCompareInclusively() {
    assertThat(TargetCheck.atMost("p99", 25, 25.0, "%.1f").met()).isTrue();
    assertThat(TargetCheck.atMost("p99", 25, 25.1, "%.1f").met()).isFalse();
    assertThat(TargetCheck.atLeast("rate", 1e6, 999_999, "%,.0f"))
        .isEqualTo(new TargetCheck("rate", "≥ 1,000,000", "999,999", false));
  }

  @Test
  void formatsSizesAndDurations() {
    assertThat(BenchmarkReport.mib(0)).isEqualTo("n/a");
    assertThat(BenchmarkReport.mib(512L * 1024 * 1024)).isEqualTo("512 MiB");
    assertThat(BenchmarkReport.minutes(Duration.ofSeconds(40))).isEqualTo("40 s");
    assertThat(BenchmarkReport.minutes(Duration.ofSeconds(150))).isEqualTo("3 min");
  }
}
