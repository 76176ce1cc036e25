package dev.sextant.query.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A constant a filter compares a property with. */
public sealed interface Literal {

  /** A string constant, compared exactly (case-sensitive). */
  record Text(String value) implements Literal {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A numeric constant; compared by value, so {@code 5} equals {@code 5.00}. */
  record Number(BigDecimal value) implements Literal {
    public Number {
      value = Objects.requireNonNull(value, "value").stripTrailingZeros();
    }
  }

  /** A boolean constant. */
  record Bool(boolean value) implements Literal {}

  static Literal of(String value) {
    return new Text(value);
  }

  static Literal of(long value) {
    return new Number(BigDecimal.valueOf(value));
  }

  static Literal of(BigDecimal value) {
    return new Number(value);
  }

  static Literal of(boolean value) {
    return new Bool(value);
  }
}
