package dev.sextant.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark measures the path its name promises: a figure for "validating a conforming
 * investment" is worthless if the investment is quietly quarantined.
 */
class EventValidatorBenchmarkTest {

  private final EventValidatorBenchmark benchmark = new EventValidatorBenchmark();

  @BeforeEach
  void setUp() {
    benchmark.setUp();
  }

  @Test
  void theConformingEventsConform() {
    assertThat(benchmark.validateInvestment().conforms()).isTrue();
    assertThat(benchmark.validatePageView().conforms()).isTrue();
  }

  @Test
  void theInvalidEventIsExplained() {
    assertThat(benchmark.validateInvalidInvestment()).isNotEmpty();
  }

  @Test
  void theBaselineParsesTheSameRecord() {
    assertThat(benchmark.parseInvestmentJson().get("event").asString())
        .isEqualTo("P2P_InvestSuccess");
  }
}
