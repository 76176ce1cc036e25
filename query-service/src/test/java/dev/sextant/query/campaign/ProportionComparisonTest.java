package dev.sextant.query.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected values computed independently (Python, math.erfc) from the textbook formulas. */
class ProportionComparisonTest {

  @Test
  void theCaseStudysRatesOnASmallSampleAreNotSignificant() {
    // 24.69 % of 81 pushed users against 16.34 % of 104 not pushed.
    ProportionComparison c = new ProportionComparison(20, 81, 17, 104);
    assertThat(c.rate()).isCloseTo(0.24691358024691357, within(1e-15));
    assertThat(c.controlRate()).isCloseTo(0.16346153846153846, within(1e-15));
    assertThat(c.difference()).isCloseTo(0.0834520417853751, within(1e-15));
    assertThat(c.lower95()).isCloseTo(-0.034316693863729736, within(1e-12));
    assertThat(c.upper95()).isCloseTo(0.20122077743447994, within(1e-12));
    assertThat(c.z()).isCloseTo(1.4078302427504028, within(1e-12));
    assertThat(c.pValue()).isCloseTo(0.15918134286591357, within(1e-12));
  }

  @Test
  void theSameRatesOnTenTimesTheUsersAre() {
    ProportionComparison c = new ProportionComparison(200, 810, 170, 1040);
    assertThat(c.lower95()).isCloseTo(0.04621029760443114, within(1e-12));
    assertThat(c.upper95()).isCloseTo(0.12069378596631906, within(1e-12));
    assertThat(c.z()).isCloseTo(4.4519501259590255, within(1e-12));
    assertThat(c.pValue()).isCloseTo(8.5093932964328e-06, within(1e-15));
  }

  @Test
  void anEmptyGroupHasNoRateAndNoTest() {
    ProportionComparison c = new ProportionComparison(3, 10, 0, 0);
    assertThat(c.rate()).isEqualTo(0.3);
    assertThat(c.controlRate()).isNaN();
    assertThat(c.difference()).isNaN();
    assertThat(c.z()).isNaN();
    assertThat(c.pValue()).isNaN();
  }

  @Test
  void noVarianceMeansNoTest() {
    ProportionComparison none = new ProportionComparison(0, 10, 0, 20);
    assertThat(none.difference()).isZero();
    assertThat(none.z()).isNaN();
    assertThat(none.lower95()).isNaN();
  }

  @Test
  void refusesMoreConversionsThanUsers() {
    assertThatThrownBy(() -> new ProportionComparison(11, 10, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProportionComparison(0, 1, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
