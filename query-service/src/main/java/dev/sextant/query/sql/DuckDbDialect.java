package dev.sextant.query.sql;

import dev.sextant.store.ColumnType;
import dev.sextant.store.EventTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** DuckDB SQL (2.0: lambdas are written {@code lambda x: ...}). */
public record DuckDbDialect() implements SqlDialect {

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public String identifier(String name) {
    return "\"" + SqlLiterals.checkText(name, "property").replace("\"", "\"\"") + "\"";
  }

  /** Standard SQL strings: a quote is doubled; backslashes have no special meaning. */
  @Override
  public String string(String value) {
    return "'" + SqlLiterals.checkText(value, "value").replace("'", "''") + "'";
  }

  @Override
  public String number(BigDecimal value) {
    return "CAST('"
        + SqlLiterals.checkNumber(value, "value").toPlainString()
        + "' AS DECIMAL(38, "
        + SqlLiterals.NUMBER_SCALE
        + "))";
  }

  @Override
  public String bool(boolean value) {
    return value ? "TRUE" : "FALSE";
  }

  @Override
  public String definite(String condition) {
    return "coalesce(" + condition + ", FALSE)";
  }

  @Override
  public String isSet(String column, ColumnType type) {
    return type == ColumnType.LIST
        ? "coalesce(len(" + column + ") > 0, FALSE)"
        : "(" + column + " IS NOT NULL)";
  }

  @Override
  public String listHas(String column, String literal) {
    return "coalesce(list_contains(" + column + ", " + literal + "), FALSE)";
  }

  @Override
  public String stringContains(String column, String literal) {
    return "coalesce(contains(" + column + ", " + literal + "), FALSE)";
  }

  @Override
  public String intDiv(String dividend, String divisor) {
    return "(" + dividend + " // " + divisor + ")";
  }

  @Override
  public String monthIndexOfDay(String dayNumber) {
    String date = "(DATE '1970-01-01' + CAST(" + dayNumber + " AS INTEGER))";
    return "(year(" + date + ") * 12 + month(" + date + ") - 1)";
  }

  @Override
  public String countIf(String condition) {
    if (condition.equals(SqlCondition.TRUE)) {
      return "count(*)";
    }
    return "count_if(" + condition + ")";
  }

  @Override
  public String countDistinct(String expression) {
    return "count(DISTINCT " + expression + ")";
  }

  @Override
  public String countDistinctIf(String expression, String condition) {
    if (condition.equals(SqlCondition.TRUE)) {
      return countDistinct(expression);
    }
    return "count(DISTINCT " + expression + ") FILTER (WHERE " + condition + ")";
  }

  @Override
  public String sumIf(String expression, String condition) {
    return "coalesce(sum(" + expression + ") FILTER (WHERE " + condition + "), 0)";
  }

  @Override
  public String minIf(String expression, String condition) {
    return "min(" + expression + ") FILTER (WHERE " + condition + ")";
  }

  @Override
  public String maxIf(String expression, String condition) {
    return "max(" + expression + ") FILTER (WHERE " + condition + ")";
  }

  @Override
  public String sortedListIf(String expression, String condition) {
    return "coalesce(list("
        + expression
        + " ORDER BY "
        + expression
        + ") FILTER (WHERE "
        + condition
        + "), [])";
  }

  @Override
  public String firstOrZero(String list, String parameter, String condition) {
    return "coalesce(list_filter(" + list + ", lambda " + parameter + ": " + condition + ")[1], 0)";
  }

  @Override
  public String ifThen(String condition, String then, String otherwise) {
    return "CASE WHEN " + condition + " THEN " + then + " ELSE " + otherwise + " END";
  }

  @Override
  public String eventsTable(String project) {
    return EventTables.events(project);
  }

  /**
   * The links table keeps only the winning link, one row per anonymous id (its primary key). The
   * subquery renames its columns, so none of them can clash with an events column in a filter.
   */
  @Override
  public String joinIdLinks(String project) {
    return " LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS "
        + LINKED_LOGIN_ID
        + " FROM "
        + EventTables.idLinks(project)
        + ") ON distinct_id = sextant_linked_anonymous_id";
  }

  @Override
  public String linkedUser() {
    return "coalesce(" + LINKED_LOGIN_ID + ", distinct_id)";
  }

  /** DuckDB's zone maps on {@code time_ms} already skip row groups. */
  @Override
  public String datePruning(Instant from, Instant to) {
    return SqlCondition.TRUE;
  }

  @Override
  public String listOrderedByIf(String expression, List<String> keys, String condition) {
    return "coalesce(list("
        + expression
        + " ORDER BY "
        + String.join(", ", keys)
        + ") FILTER (WHERE "
        + condition
        + "), [])";
  }

  /** {@code first} keeps NULLs ({@code arg_min} would skip them). */
  @Override
  public String firstByIf(String expression, List<String> keys, String condition) {
    return "first("
        + expression
        + " ORDER BY "
        + String.join(", ", keys)
        + ") FILTER (WHERE "
        + condition
        + ")";
  }

  @Override
  public String distinctListIf(String expression, String condition) {
    return "coalesce(list(DISTINCT " + expression + ") FILTER (WHERE " + condition + "), [])";
  }

  @Override
  public String listable(String column, ColumnType type) {
    return column;
  }

  @Override
  public String map(String list, String parameter, String expression) {
    return "list_transform(" + list + ", lambda " + parameter + ": " + expression + ")";
  }

  /** DuckDB's lambdas see the row's columns at any depth. */
  @Override
  public String mapCapturing(String list, String parameter, String expression, String captured) {
    return map(list, parameter, expression);
  }

  @Override
  public String append(String list, String element) {
    return "list_append(" + list + ", " + element + ")";
  }

  @Override
  public String countWhere(String list, String parameter, String condition) {
    return "len(list_filter(" + list + ", lambda " + parameter + ": " + condition + "))";
  }

  @Override
  public String listMax(String list) {
    return "list_max(" + list + ")";
  }

  @Override
  public String indexOf(String list, String value) {
    return "coalesce(list_position(" + list + ", " + value + "), 0)";
  }

  @Override
  public String distinctElements(String list) {
    return "list_distinct(" + list + ")";
  }

  @Override
  public String unnest(String list) {
    return "unnest(" + list + ")";
  }
}
