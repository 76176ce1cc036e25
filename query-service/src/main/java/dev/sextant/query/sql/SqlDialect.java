package dev.sextant.query.sql;

import dev.sextant.store.ColumnType;
import dev.sextant.store.EventQueries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What differs between the engines' SQL, and nothing else: the compilers write each analysis once
 * against this interface. Every literal that reaches SQL goes through {@link #string}, {@link
 * #number} or {@link #bool}; every identifier through {@link #identifier}. Both are tested against
 * hostile input ({@code SqlInjectionFuzzTest}).
 */
public sealed interface SqlDialect permits ClickHouseDialect, DuckDbDialect {

  /** The dialect an engine speaks. */
  static SqlDialect of(EventQueries.Engine engine) {
    return switch (engine) {
      case CLICKHOUSE -> new ClickHouseDialect();
      case DUCKDB -> new DuckDbDialect();
    };
  }

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

  // Lists for funnels and retention: per-user time lists and chains.

  /**
   * The list of an expression's values over rows meeting a condition, ordered by {@code keys}
   * (which must identify a row, e.g. time and insert id). The expression must not be a decimal: see
   * {@link #listable}.
   */
  String listOrderedByIf(String expression, List<String> keys, String condition);

  /**
   * The expression's value on the first row by {@code keys} among rows meeting a condition (NULL
   * values included); unspecified when no row does. The expression must be {@link #listable}.
   */
  String firstByIf(String expression, List<String> keys, String condition);

  /** The distinct values of an expression over rows meeting a condition, as a list (any order). */
  String distinctListIf(String expression, String condition);

  /**
   * A property column's value in a form that can travel in lists, tuples and {@link #firstByIf}:
   * ClickHouse 18.16 crashes (segmentation fault, measured) on {@code groupArray} of a decimal, so
   * numbers travel as text there; {@link #readListed} turns them back.
   */
  String listable(String column, ColumnType type);

  /** A literal to compare a DATE property column with. */
  default String date(LocalDate date) {
    return string(date.toString());
  }

  /** A value of {@link #listable} as read back from a result row, in the column's usual form. */
  default Object readListed(Object raw, ColumnType type) {
    return raw;
  }

  /** The list of {@code expression} (over {@code parameter}) for each element of {@code list}. */
  String map(String list, String parameter, String expression);

  /**
   * Like {@link #map}, where {@code expression} also reads the list column {@code captured}, for
   * instance in a lambda of its own. ClickHouse 18.16 does not let a lambda inside a lambda see a
   * column, so there it is passed to the outer lambda as an argument. {@code list} and {@code
   * captured} must be column names.
   */
  String mapCapturing(String list, String parameter, String expression, String captured);

  /** The list with one more element at its end. */
  String append(String list, String element);

  /** The number of a list's elements that meet a condition on {@code parameter}. */
  String countWhere(String list, String parameter, String condition);

  /** The largest element of a non-empty list. */
  String listMax(String list);

  /** The 1-based position of the first element equal to {@code value}, 0 when none. */
  String indexOf(String list, String value);

  /** The list without repeated elements (any order). */
  String distinctElements(String list);

  /** One row per element of the list (in a SELECT list, the other columns repeated). */
  String unnest(String list);
}
