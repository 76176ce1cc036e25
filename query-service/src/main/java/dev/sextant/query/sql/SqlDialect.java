package dev.sextant.query.sql;

import dev.sextant.store.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What differs between the engines' SQL, and nothing else: the compilers write each analysis once
 * against this interface. Every literal that reaches SQL goes through {@link #string}, {@link
 * #number} or {@link #bool}; every identifier through {@link #identifier}. Both are tested against
 * hostile input ({@code SqlInjectionFuzzTest}).
 */
public sealed interface SqlDialect permits ClickHouseDialect, DuckDbDialect {

  /** {@code clickhouse} or {@code duckdb}, for logs, golden files and metrics. */
  String name();

  /** A quoted identifier (a property column such as {@code $os}). */
  String identifier(String name);

  /** A string literal. */
  String string(String value);

  /**
   * A number literal of the property columns' type ({@code Decimal(38, 8)}), so comparisons are
   * exact. The value has at most 8 decimals and 30 integer digits ({@link
   * SqlLiterals#checkNumber}).
   */
  String number(BigDecimal value);

  /** A boolean literal of the BOOL columns' type. */
  String bool(boolean value);

  /** A condition that may be NULL, as one that is false where it would be NULL. */
  String definite(String condition);

  /** Whether a property column holds a value (a non-empty list, for LIST). */
  String isSet(String column, ColumnType type);

  /** Whether a LIST column holds an element equal to {@code literal}. */
  String listHas(String column, String literal);

  /** Whether a STRING column contains {@code literal} (case-sensitive). */
  String stringContains(String column, String literal);

  /** Integer division of non-negative integers, rounding down. */
  String intDiv(String dividend, String divisor);

  /** The 0-based month index ({@code year * 12 + month - 1}) of a day number since 1970-01-01. */
  String monthIndexOfDay(String dayNumber);

  /** {@code count()} of rows meeting a condition. */
  String countIf(String condition);

  /** The number of distinct values of an expression. */
  String countDistinct(String expression);

  /** The number of distinct values of an expression over rows meeting a condition. */
  String countDistinctIf(String expression, String condition);

  /** The sum over rows meeting a condition, 0 when none (exact for decimals). */
  String sumIf(String expression, String condition);

  /** The minimum over rows meeting a condition, NULL when none. */
  String minIf(String expression, String condition);

  /** The maximum over rows meeting a condition, NULL when none. */
  String maxIf(String expression, String condition);

  /** The ascending list of an expression's values over rows meeting a condition. */
  String sortedListIf(String expression, String condition);

  /**
   * The first element of a list that meets a condition on {@code parameter}, or 0 when none (the
   * lists are of positive epoch milliseconds, so 0 means "not found").
   */
  String firstOrZero(String list, String parameter, String condition);

  /** A conditional expression. */
  String ifThen(String condition, String then, String otherwise);

  /**
   * The table a project's events are read from, with the clause that keeps a stored duplicate from
   * counting twice if the engine needs one.
   */
  String eventsTable(String project);

  /**
   * A condition on the stored UTC date that lets the engine skip partitions and index ranges
   * outside {@code [from, to)}; true where the engine gains nothing from it.
   */
  String datePruning(Instant from, Instant to);
}
