package dev.sextant.store.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionPolicyTest {

  private final RetentionPolicy policy =
      new RetentionPolicy(Map.of("p2p", 24, "forex", 1, "all", 0));

  @ParameterizedTest(name = "{0} at {1}: first kept {2}")
  @CsvSource({
    "p2p,   2026-12-08T01:00:00Z, 2024-12",
    "p2p,   2026-01-01T00:00:00Z, 2024-01",
    "forex, 2026-12-08T01:00:00Z, 2026-11",
    "forex, 2026-12-31T23:59:59Z, 2026-11",
    // 2027-01-01 07:00 in Shanghai is still 2026-12-31 in UTC, the partitions' zone.
    "forex, 2026-12-31T23:00:00Z, 2026-11",
    "forex, 2027-01-01T00:00:00Z, 2026-12",
  })
  void keepsTheCurrentMonthAndTheConfiguredNumberBeforeIt(
      String project, String now, String firstKept) {
    assertThat(policy.firstKeptMonth(project, Instant.parse(now)))
        .contains(YearMonth.parse(firstKept));
  }

  @ParameterizedTest
  @CsvSource({"all", "unconfigured"})
  void keepsEverythingWithoutARetention(String project) {
    assertThat(policy.firstKeptMonth(project, Instant.parse("2026-12-08T01:00:00Z"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"-1"})
  void refusesANegativeRetention(int months) {
    assertThatThrownBy(() -> new RetentionPolicy(Map.of("p2p", months)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p2p");
  }
}
