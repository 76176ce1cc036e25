package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;
import static dev.sextant.query.model.InvalidQueryException.requirePropertyName;

import java.math.BigDecimal;

/**
 * What a behaviour condition compares: the number of matching events, or the sum of a number
 * property over them. Both are 0 for a user without matching events.
 */
public sealed interface Frequency {

  /** The most events a count may name. */
  long MAX_TIMES = 1_000_000_000L;

  /** How the user's value compares with the threshold. */
  Threshold threshold();

  /** "At least once": plain "did". */
  static Frequency atLeastOnce() {
    return new Count(Threshold.AT_LEAST, 1);
  }

  /** Whether a user without matching events (value 0) meets this frequency. */
  boolean holdsForNone();

  /** {@code count threshold times}, e.g. at least 3 times. */
  record Count(Threshold threshold, long times) implements Frequency {
    public Count {
      requirePresent(threshold, "threshold");
      require(times >= 0 && times <= MAX_TIMES, "times", "must be 0 to " + MAX_TIMES);
    }

    @Override
    public boolean holdsForNone() {
      return threshold.holds(Long.compare(0, times));
    }
  }

  /** {@code sum(property) threshold value}, over the matching events where it is a number. */
  record Sum(String property, Threshold threshold, BigDecimal value) implements Frequency {
    public Sum {
      requirePropertyName(property, "property");
      requirePresent(threshold, "threshold");
      requirePresent(value, "value");
    }

    @Override
    public boolean holdsForNone() {
      return threshold.holds(BigDecimal.ZERO.compareTo(value));
    }
  }

  /** A comparison of the user's value with the threshold. */
  enum Threshold {
    AT_LEAST(">="),
    AT_MOST("<="),
    EXACTLY("="),
    MORE_THAN(">"),
    LESS_THAN("<");

    private final String symbol;

    Threshold(String symbol) {
      this.symbol = symbol;
    }

    /** The SQL comparison operator. */
    public String symbol() {
      return symbol;
    }

    /** Whether the comparison holds, given the sign of {@code value.compareTo(threshold)}. */
    public boolean holds(int comparison) {
      return switch (this) {
        case AT_LEAST -> comparison >= 0;
        case AT_MOST -> comparison <= 0;
        case EXACTLY -> comparison == 0;
        case MORE_THAN -> comparison > 0;
        case LESS_THAN -> comparison < 0;
      };
    }
  }
}
