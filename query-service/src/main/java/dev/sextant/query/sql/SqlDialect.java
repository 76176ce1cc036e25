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
   * The clause after {@link #eventsTable} that joins the project's ID links, so that every row has
   * {@link #LINKED_LOGIN_ID}: the login id its {@code distinct_id} is linked to by the winning link
   * (the earliest, ties by the smaller login id), or none. Each distinct id matches at most one
   * row, so the join never duplicates an event.
   */
  String joinIdLinks(String project);

  /** The user an event counts for: {@link #LINKED_LOGIN_ID} if it has one, else its distinct id. */
  String linkedUser();

  /**
   * The column {@link #joinIdLinks} adds. A name no other column of the relation has (properties
   * are named by plans; this one is Sextant's).
   */
  String LINKED_LOGIN_ID = "sextant_linked_login_id";

  /**
   * A condition on the stored UTC date that lets the engine skip partitions and index ranges
   * outside {@code [from, to)}; true where the engine gains nothing from it.
   */
  String datePruning(Instant from, Instant to);
}
