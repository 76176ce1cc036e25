package dev.sextant.query.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalDistributionTest {

  /** Reference values: CPython's math.erfc (the C library's, correctly rounded here). */
  @ParameterizedTest
  @CsvSource({
    "0, 1.0",
    "0.5, 0.4795001221869535",
    "1, 0.15729920705028513",
    "2.9999, 2.210442648216091e-05",
    "3, 2.2090496998585438e-05",
    "5, 1.5374597944280351e-12",
    "10, 2.088487583762545e-45",
    "26, 5.663192408856143e-296"
  })
  void erfcMatchesPublishedValuesToTwelveDigits(double x, double expected) {
    assertThat(NormalDistribution.erfc(x)).isCloseTo(expected, Percentage.withPercentage(1e-10));
  }

  @Test
  void erfcOfANegativeArgumentIsTwoMinusTheTail() {
    assertThat(NormalDistribution.erfc(-1)).isCloseTo(2 - 0.15729920705028513, within(1e-15));
    assertThat(NormalDistribution.erfc(Double.NaN)).isNaN();
  }

  @Test
  void theCdfIsSymmetricAndHitsTheUsualQuantiles() {
    assertThat(NormalDistribution.cdf(0)).isEqualTo(0.5);
    assertThat(NormalDistribution.cdf(ProportionComparison.Z_95)).isCloseTo(0.975, within(1e-12));
    assertThat(NormalDistribution.cdf(-ProportionComparison.Z_95)).isCloseTo(0.025, within(1e-12));
    assertThat(NormalDistribution.twoSidedTail(ProportionComparison.Z_95))
        .isCloseTo(0.05, within(1e-12));
  }
}
