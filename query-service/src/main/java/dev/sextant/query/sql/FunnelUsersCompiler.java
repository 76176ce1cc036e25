package dev.sextant.query.sql;

import static dev.sextant.query.sql.EventSource.USER;

import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.FunnelUsersPage;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A funnel's drill-down ({@code docs/analyses.md}, "Funnel users"): the users of {@link
 * FunnelCompiler#userChains}, the same per-user furthest step and chain the funnel's counts are
 * made of, whose level meets the outcome and whose chain's group is the one asked for. Lists are
 * keyset pages in user id order ({@code user_id > after ORDER BY user_id LIMIT n}), in the engines'
 * byte order of UTF-8 strings, like segment members.
 */
public final class FunnelUsersCompiler {

  /** The most users of one page. */
  public static final int MAX_PAGE = 10_000;

  private final SqlDialect dialect;
  private final FunnelCompiler funnels;

  public FunnelUsersCompiler(EventSource source) {
    this.dialect = source.dialect();
    this.funnels = new FunnelCompiler(source);
  }

  /**
   * {@code SELECT user_id FROM ...}: the users, one row each, in no particular order.
   *
   * @throws InvalidQueryException when the funnel names unknown properties, or the group's value is
   *     not of the group-by property's type
   */
  public String users(FunnelUsers request) {
    return "SELECT " + USER + " FROM (" + listed(request, null) + ") AS m";
  }

  /**
   * A page of up to {@code limit} users after {@code after} (null: from the first), the cursor of
   * the next one and the list's size: two statements, the page read one user further to know
   * whether another follows.
   */
  public CompiledAnalysis<FunnelUsersPage> page(FunnelUsers request, String after, int limit) {
    requireLimit(limit);
    return new CompiledAnalysis<>(
        List.of(
            listed(request, after) + " ORDER BY " + USER + " LIMIT " + (limit + 1),
            "SELECT count(*) AS users FROM (" + listed(request, null) + ") AS m"),
        rows -> {
          List<String> read = ids(rows.getFirst());
          List<String> users = read.subList(0, Math.min(limit, read.size()));
          String next = read.size() > limit ? users.getLast() : null;
          List<List<Object>> count = rows.get(1).rows();
          long total = count.isEmpty() ? 0 : QueryRows.asLong(count.getFirst().getFirst());
          return new FunnelUsersPage(users, next, total);
        });
  }

  /**
   * Up to {@code limit} users after {@code after} (null: from the first), for exporting the whole
   * list batch by batch: the list ends at the first batch shorter than {@code limit}.
   */
  public CompiledAnalysis<List<String>> batch(FunnelUsers request, String after, int limit) {
    requireLimit(limit);
    return new CompiledAnalysis<>(
        List.of(listed(request, after) + " ORDER BY " + USER + " LIMIT " + limit),
        rows -> ids(rows.getFirst()));
  }

  private static void requireLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidQueryException("limit", "must be 1 to " + MAX_PAGE);
    }
  }

  private static List<String> ids(QueryRows rows) {
    return rows.rows().stream().map(row -> (String) row.getFirst()).toList();
  }

  /** The users' ids (column {@value EventSource#USER}) of the chains meeting the request. */
  private String listed(FunnelUsers request, String after) {
    ColumnType groupType = funnels.groupType(request.funnel());
    String where = outcome(request) + " AND " + group(request, groupType);
    if (after != null) {
      where += " AND " + USER + " > " + dialect.string(after);
    }
    return "SELECT "
        + USER
        + " FROM ("
        + funnels.userChains(request.funnel(), groupType)
        + ") AS f WHERE "
        + where;
  }

  private static String outcome(FunnelUsers request) {
    return switch (request.outcome()) {
      case REACHED -> "level >= " + request.step();
      case DROPPED -> "level = " + (request.step() - 1);
    };
  }

  /** The chain's group is the requested one; any without a requested group. */
  private String group(FunnelUsers request, ColumnType groupType) {
    if (request.group() == null) {
      return SqlCondition.TRUE;
    }
    Object value = request.group().values().getFirst();
    String literal = literal(value, groupType);
    if (!funnels.isGrouped(request.funnel(), groupType)) {
      // No event has stored the property yet: every user's group is "not set".
      return value == null ? SqlCondition.TRUE : SqlCondition.FALSE;
    }
    if (literal == null) {
      return "g IS NULL";
    }
    // g is in listable form (a NUMBER as text on ClickHouse): so is the literal, of the same
    // Decimal(38, 8) type, hence the same text for the same value.
    return "(g = " + dialect.listable(literal, groupType) + ")";
  }

  /** The group value as a literal of the group-by property's type; null for "not set". */
  private String literal(Object value, ColumnType type) {
    String field = "group.values[0]";
    return switch (value) {
      case null -> null;
      case String text when type == ColumnType.STRING -> dialect.string(text);
      case String text when type == ColumnType.DATE -> dialect.date(date(text, field));
      case BigDecimal number when type == ColumnType.NUMBER ->
          dialect.number(SqlLiterals.checkNumber(number, field));
      case Boolean bool when type == ColumnType.BOOL -> dialect.bool(bool);
      default ->
          throw new InvalidQueryException(
              field, "must be a " + type + " value of the funnel's group_by, or null for not set");
    };
  }

  private static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidQueryException(field, "must be a date yyyy-MM-dd, got '" + text + "'");
    }
  }
}
