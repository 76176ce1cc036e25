package dev.sextant.query.sql;

import dev.sextant.store.ColumnType;
import dev.sextant.store.EventTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * ClickHouse SQL that 18.16 and current servers both accept. Events are read without {@code FINAL}
 * (five to eight times slower, measured): the writers keep a project's table free of duplicates.
 */
public record ClickHouseDialect() implements SqlDialect {

  @Override
  public String name() {
    return "clickhouse";
  }

  @Override
  public String identifier(String name) {
    return "`" + escape(name, '`') + "`";
  }

  @Override
  public String string(String value) {
    return "'" + escape(SqlLiterals.checkText(value, "value"), '\'') + "'";
  }

  /**
   * Backslash escapes, as ClickHouse reads them in quoted strings and identifiers: the quote, the
   * backslash itself, and control characters (so a literal is always one line of SQL).
   */
  private static String escape(String value, char quote) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c == quote) {
            out.append('\\').append(c);
          } else if (c < 0x20) {
            out.append(String.format("\\x%02X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  @Override
  public String number(BigDecimal value) {
    return "toDecimal128('"
        + SqlLiterals.checkNumber(value, "value").toPlainString()
        + "', "
        + SqlLiterals.NUMBER_SCALE
        + ")";
  }

  @Override
  public String bool(boolean value) {
    return value ? "1" : "0";
  }

  @Override
  public String definite(String condition) {
    return "ifNull(" + condition + ", 0)";
  }

  @Override
  public String isSet(String column, ColumnType type) {
    return type == ColumnType.LIST ? "notEmpty(" + column + ")" : "isNotNull(" + column + ")";
  }

  @Override
  public String listHas(String column, String literal) {
    return "has(" + column + ", " + literal + ")";
  }

  @Override
  public String stringContains(String column, String literal) {
    return "ifNull(position(" + column + ", " + literal + ") > 0, 0)";
  }

  @Override
  public String intDiv(String dividend, String divisor) {
    return "intDiv(" + dividend + ", " + divisor + ")";
  }

  @Override
  public String monthIndexOfDay(String dayNumber) {
    String date = "toDate(toUInt16(" + dayNumber + "))";
    return "(toYear(" + date + ") * 12 + toMonth(" + date + ") - 1)";
  }

  @Override
  public String countIf(String condition) {
    if (condition.equals(SqlCondition.TRUE)) {
      return "count()";
    }
    return "countIf(" + condition + ")";
  }

  @Override
  public String countDistinct(String expression) {
    return "ifNull(uniqExact(" + expression + "), 0)";
  }

  @Override
  public String countDistinctIf(String expression, String condition) {
    if (condition.equals(SqlCondition.TRUE)) {
      return countDistinct(expression);
    }
    // Over a Nullable column ClickHouse answers NULL rather than 0 when no value is counted.
    return "ifNull(uniqExactIf(" + expression + ", " + condition + "), 0)";
  }

  @Override
  public String sumIf(String expression, String condition) {
    return "sumIf(" + expression + ", " + condition + ")";
  }

  /** Where no row meets the condition, 0 (the type's default) or NULL: callers test the count. */
  @Override
  public String minIf(String expression, String condition) {
    return "minIf(" + expression + ", " + condition + ")";
  }

  @Override
  public String maxIf(String expression, String condition) {
    return "maxIf(" + expression + ", " + condition + ")";
  }

  @Override
  public String sortedListIf(String expression, String condition) {
    return "arraySort(groupArrayIf(" + expression + ", " + condition + "))";
  }

  @Override
  public String firstOrZero(String list, String parameter, String condition) {
    return "arrayFirst(" + parameter + " -> " + condition + ", " + list + ")";
  }

  @Override
  public String ifThen(String condition, String then, String otherwise) {
    return "if(" + condition + ", " + then + ", " + otherwise + ")";
  }

  @Override
  public String eventsTable(String project) {
    return EventTables.events(project);
  }

  /**
   * {@code GLOBAL}: on a cluster the links are read once and sent to every shard, since a login
   * id's events and its anonymous ids' links need not share a shard. {@code ANY}: at most one row
   * per distinct id. A distinct id without a link gets the type's default, {@code ''}, not NULL
   * (18.16 and current servers' {@code join_use_nulls = 0}). Every link is stored; the earliest
   * wins here.
   */
  @Override
  public String joinIdLinks(String project) {
    return " GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, "
        + "argMin(login_id, (linked_at_ms, login_id)) AS "
        + LINKED_LOGIN_ID
        + " FROM "
        + EventTables.idLinks(project)
        + " GROUP BY anonymous_id) USING distinct_id";
  }

  @Override
  public String linkedUser() {
    return "if(" + LINKED_LOGIN_ID + " = '', distinct_id, " + LINKED_LOGIN_ID + ")";
  }

  /** {@code event_date} leads the sorting key after project and event, and makes the partition. */
  @Override
  public String datePruning(Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
    return "event_date >= toDate('" + first + "') AND event_date <= toDate('" + last + "')";
  }

  /** Tuples sort by their elements in order, so the keys lead and the value comes last. */
  @Override
  public String listOrderedByIf(String expression, List<String> keys, String condition) {
    return "arrayMap(p -> tupleElement(p, "
        + (keys.size() + 1)
        + "), arraySort(groupArrayIf(tuple("
        + String.join(", ", keys)
        + ", "
        + expression
        + "), "
        + condition
        + ")))";
  }

  /** In a tuple, so that a NULL value is taken rather than skipped. */
  @Override
  public String firstByIf(String expression, List<String> keys, String condition) {
    return "tupleElement(argMinIf(tuple("
        + expression
        + "), tuple("
        + String.join(", ", keys)
        + "), "
        + condition
        + "), 1)";
  }

  @Override
  public String distinctListIf(String expression, String condition) {
    return "groupUniqArrayIf(" + expression + ", " + condition + ")";
  }

  @Override
  public String listable(String column, ColumnType type) {
    // Not toString(): on a Nullable(Decimal) its result still crashes 18.16 as a GROUP BY key next
    // to another Nullable key (measured); the CAST yields a plain Nullable(String).
    return type == ColumnType.NUMBER ? "CAST(" + column + " AS Nullable(String))" : column;
  }

  /** A DATE property is stored as its day number (Int32 days since 1970-01-01). */
  @Override
  public String date(LocalDate date) {
    return Long.toString(date.toEpochDay());
  }

  @Override
  public Object readListed(Object raw, ColumnType type) {
    return type == ColumnType.NUMBER && raw instanceof String text ? new BigDecimal(text) : raw;
  }

  @Override
  public String map(String list, String parameter, String expression) {
    return "arrayMap(" + parameter + " -> " + expression + ", " + list + ")";
  }

  /** The captured list, repeated once per element, becomes the lambda's second argument. */
  @Override
  public String mapCapturing(String list, String parameter, String expression, String captured) {
    return "arrayMap(("
        + parameter
        + ", "
        + captured
        + ") -> "
        + expression
        + ", "
        + list
        + ", arrayMap(ignored -> "
        + captured
        + ", "
        + list
        + "))";
  }

  @Override
  public String append(String list, String element) {
    return "arrayPushBack(" + list + ", " + element + ")";
  }

  @Override
  public String countWhere(String list, String parameter, String condition) {
    return "arrayCount(" + parameter + " -> " + condition + ", " + list + ")";
  }

  /** {@code arrayMax} came after 18.16. */
  @Override
  public String listMax(String list) {
    return "arrayReduce('max', " + list + ")";
  }

  @Override
  public String indexOf(String list, String value) {
    return "indexOf(" + list + ", " + value + ")";
  }

  @Override
  public String distinctElements(String list) {
    return "arrayDistinct(" + list + ")";
  }

  @Override
  public String unnest(String list) {
    return "arrayJoin(" + list + ")";
  }
}
