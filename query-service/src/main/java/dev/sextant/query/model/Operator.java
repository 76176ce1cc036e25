package dev.sextant.query.model;

/** The comparison of one property with its literals; see {@code docs/analyses.md}, "Filters". */
public enum Operator {
  EQ(1, 1),
  NE(1, 1),
  IN(1, Operator.MAX_IN_VALUES),
  NOT_IN(1, Operator.MAX_IN_VALUES),
  GT(1, 1),
  GE(1, 1),
  LT(1, 1),
  LE(1, 1),
  BETWEEN(2, 2),
  CONTAINS(1, 1),
  IS_SET(0, 0),
  NOT_SET(0, 0);

  /** The most literals an {@code in} or {@code not_in} list may hold. */
  public static final int MAX_IN_VALUES = 1000;

  private final int minValues;
  private final int maxValues;

  Operator(int minValues, int maxValues) {
    this.minValues = minValues;
    this.maxValues = maxValues;
  }

  int minValues() {
    return minValues;
  }

  int maxValues() {
    return maxValues;
  }

  /** Whether the operator orders values, and so takes only numbers. */
  public boolean isOrdering() {
    return this == GT || this == GE || this == LT || this == LE || this == BETWEEN;
  }
}
