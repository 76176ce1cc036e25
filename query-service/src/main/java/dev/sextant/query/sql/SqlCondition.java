package dev.sextant.query.sql;

/** Conditions the compilers write literally, so dialects can recognise and simplify them. */
public final class SqlCondition {

  /** Always true; {@code countIf(TRUE)} becomes {@code count()}. */
  public static final String TRUE = "(1 = 1)";

  /** Always false. */
  public static final String FALSE = "(1 = 0)";

  private SqlCondition() {}
}
