package dev.sextant.query.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A quotient computed in Java from the exact numerator and denominator an engine returns, so that
 * every engine reports the same digits: {@value #SCALE} decimals, half-even.
 */
public final class Ratio {

  public static final int SCALE = 6;

  private Ratio() {}

  /** {@code numerator / denominator}, or null when the denominator is 0. */
  public static BigDecimal of(BigDecimal numerator, long denominator) {
    if (denominator == 0) {
      return null;
    }
    return numerator.divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_EVEN);
  }

  /** {@code numerator / denominator}, or null when the denominator is 0. */
  public static BigDecimal of(long numerator, long denominator) {
    return of(BigDecimal.valueOf(numerator), denominator);
  }
}
