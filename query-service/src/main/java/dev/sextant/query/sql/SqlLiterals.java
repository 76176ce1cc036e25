package dev.sextant.query.sql;

import dev.sextant.query.model.InvalidQueryException;
import java.math.BigDecimal;

/** Checks on literal values that hold for both dialects, before they are escaped. */
public final class SqlLiterals {

  /** Decimals a property column keeps ({@code Decimal(38, 8)}). */
  public static final int NUMBER_SCALE = 8;

  /** Digits a property column keeps before the point. */
  public static final int NUMBER_INTEGER_DIGITS = 30;

  private SqlLiterals() {}

  /**
   * A number a property column could hold; a literal with more decimals could never be equal to a
   * stored value, and rounding it would change the request's meaning, so it is refused.
   */
  public static BigDecimal checkNumber(BigDecimal value, String field) {
    BigDecimal plain = value.stripTrailingZeros();
    if (plain.scale() > NUMBER_SCALE) {
      throw new InvalidQueryException(field, "at most " + NUMBER_SCALE + " decimals");
    }
    if (plain.precision() - plain.scale() > NUMBER_INTEGER_DIGITS) {
      throw new InvalidQueryException(
          field, "at most " + NUMBER_INTEGER_DIGITS + " digits before the decimal point");
    }
    return plain;
  }

  /** Text with a NUL character cannot be stored by either engine, so it is refused. */
  public static String checkText(String value, String field) {
    if (value.indexOf('\0') >= 0) {
      throw new InvalidQueryException(field, "must not contain a NUL character");
    }
    return value;
  }
}
