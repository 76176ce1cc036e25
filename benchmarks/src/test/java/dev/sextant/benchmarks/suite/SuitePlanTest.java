package dev.sextant.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuitePlanTest {

  private static final URI CLICKHOUSE = URI.create("http://127.0.0.1:18123");

  @Test
  void aFullRunMeasuresEverythingTheIssueAsksForWithTheAnalysesAt10And100MillionEvents() {
    List<SuitePlan.Step> steps =
        SuitePlan.steps(
            new SuitePlan.Settings(
                false, SuitePlan.FULL_QUERY_SIZES, CLICKHOUSE, Path.of("target/suite")));

    assertThat(steps)
        .extracting(SuitePlan.Step::id)
        .containsExactly(
            "jmh",
            "demo-load",
            "collector-distributed",
            "collector-embedded",
            "ingest-distributed",
            "sink",
            "query-10M",
            "query-100M");
    SuitePlan.Step hundredMillion = steps.getLast();
    assertThat(hundredMillion.arguments())
        .containsSequence("--events", "100000000")
        .containsSequence("--runs", "3")
        .containsSequence("--clickhouse", "http://127.0.0.1:18123")
        .containsSequence("--duckdb", Path.of("target/suite/query-100M.duckdb").toString());
    assertThat(steps.get(6).arguments()).containsSequence("--runs", "5");
  }

  @Test
  void aQuickRunIsSmaller() {
    List<SuitePlan.Step> steps =
        SuitePlan.steps(
            new SuitePlan.Settings(
                true, SuitePlan.QUICK_QUERY_SIZES, CLICKHOUSE, Path.of("target/suite")));

    assertThat(steps)
        .extracting(SuitePlan.Step::id)
        .contains("query-1M")
        .doesNotContain("query-10M");
    assertThat(steps.get(5).arguments()).containsSequence("--events", "200000");
  }

  @Test
  void fillsInTheClickHouseUrlOnceTheServerRuns() {
    List<SuitePlan.Step> steps =
        SuitePlan.steps(
            new SuitePlan.Settings(false, List.of(1_000_000L), null, Path.of("target/suite")));

    assertThat(steps.getLast().arguments()).contains("${clickhouse}");
    assertThat(SuitePlan.withClickHouse(steps, CLICKHOUSE).getLast().arguments())
        .containsSequence("--clickhouse", "http://127.0.0.1:18123")
        .doesNotContain("${clickhouse}");
  }

  @Test
  void runsOnlyTheBenchmarksNamedInTheSuitesOrder() {
    List<SuitePlan.Step> steps =
        SuitePlan.steps(
            new SuitePlan.Settings(
                false, SuitePlan.FULL_QUERY_SIZES, CLICKHOUSE, Path.of("target/suite")));

    assertThat(SuitePlan.only(steps, Set.of("sink", "jmh")))
        .extracting(SuitePlan.Step::id)
        .containsExactly("jmh", "sink");
    assertThatThrownBy(() -> SuitePlan.only(steps, Set.of("query-5M")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no benchmark 'query-5M'")
        .hasMessageContaining("query-100M");
  }

  @Test
  void readsItsCommandLine() {
    BenchmarkSuite.Options full = BenchmarkSuite.Options.parse(new String[0]);
    assertThat(full.querySizes()).isEqualTo(SuitePlan.FULL_QUERY_SIZES);
    assertThat(full.out()).isEqualTo(Path.of("docs/benchmarks.md"));
    assertThat(full.clickHouse()).isNull();

    BenchmarkSuite.Options partial =
        BenchmarkSuite.Options.parse(
            new String[] {"--only", "sink", "--sizes", "2_000_000", "--work", "/tmp/w"});
    assertThat(partial.only()).containsExactly("sink");
    assertThat(partial.querySizes()).containsExactly(2_000_000L);
    // A partial run does not replace the full report.
    assertThat(partial.out()).isEqualTo(Path.of("/tmp/w/benchmarks.md"));

    assertThat(BenchmarkSuite.Options.parse(new String[] {"--quick"}).querySizes())
        .isEqualTo(SuitePlan.QUICK_QUERY_SIZES);
    assertThatThrownBy(() -> BenchmarkSuite.Options.parse(new String[] {"--fast"}))
        .hasMessage("unknown option: --fast");
    assertThatThrownBy(() -> BenchmarkSuite.Options.parse(new String[] {"--only"}))
        .hasMessage("--only needs a value");
    assertThatThrownBy(() -> BenchmarkSuite.Options.parse(new String[] {"--update"}))
        .hasMessageContaining("--update needs --only");
    BenchmarkSuite.Options update =
        BenchmarkSuite.Options.parse(new String[] {"--update", "--only", "sink"});
    // An update rewrites the full report, saying what it replaced.
    assertThat(update.out()).isEqualTo(Path.of("docs/benchmarks.md"));
  }
}
