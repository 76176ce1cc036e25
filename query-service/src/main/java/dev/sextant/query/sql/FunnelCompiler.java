package dev.sextant.query.sql;

import static dev.sextant.query.sql.EventSource.USER;

import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Funnels (漏斗分析) as one statement ({@code docs/analyses.md}, "Funnels", "How the compilers match
 * the definition"):
 *
 * <ol>
 *   <li>per user, over the events in {@code [start, end + window)}: the step-1 times in the range,
 *       in event order (time, then insert id), the step-1 events' group values alongside, and the
 *       sorted times of every later step;
 *   <li>one subquery per later step extends every chain (one per step-1 time) by the earliest time
 *       of that step at or after the chain's last time and at most the window after its start, 0
 *       when there is none (times are positive, and a 0 stops the chain);
 *   <li>the user's level is the longest chain, the chain the first that long (so the earliest
 *       step-1 event, by event order, that gets furthest);
 *   <li>per group: users at each step and the lower median of each step's time from the previous.
 * </ol>
 *
 * Users without a step-1 event in the range drop out in the first query.
 */
public final class FunnelCompiler {

  private final EventSource source;
  private final SqlDialect dialect;

  public FunnelCompiler(EventSource source) {
    this.source = source;
    this.dialect = source.dialect();
  }

  public CompiledAnalysis<FunnelResult> compile(FunnelAnalysis analysis) {
    ColumnType groupType = groupType(analysis);
    return new CompiledAnalysis<>(
        List.of(statement(analysis, groupType)),
        rows -> assemble(analysis, groupType, rows.getFirst()));
  }

  String statement(FunnelAnalysis analysis, ColumnType groupType) {
    boolean grouped = isGrouped(analysis, groupType);
    return perGroup(analysis, grouped, userChains(analysis, groupType));
  }

  /**
   * The type of the funnel's group-by property; null without group-by.
   *
   * @throws InvalidQueryException when the property is unknown or cannot group
   */
  ColumnType groupType(FunnelAnalysis analysis) {
    return analysis.groupBy() == null
        ? null
        : EventAnalysisCompiler.groupType(source.catalog(), analysis.groupBy(), "groupBy");
  }

  /**
   * Whether the funnel's group values come from a column; a planned property that no event has
   * stored yet groups every user as not set.
   */
  boolean isGrouped(FunnelAnalysis analysis, ColumnType groupType) {
    return groupType != null && source.catalog().hasColumn(analysis.groupBy());
  }

  /**
   * One row per user counted at step 1: {@value EventSource#USER}, {@code level} (the furthest
   * step), {@code chain} (the times of the first chain that gets there) and {@code g} (the group of
   * its step-1 event, in {@link SqlDialect#listable} form; NULL when not {@link #isGrouped}). The
   * funnel's counts and its drill-down ({@link FunnelUsersCompiler}) both read it.
   */
  String userChains(FunnelAnalysis analysis, ColumnType groupType) {
    boolean grouped = isGrouped(analysis, groupType);
    return chains(analysis, grouped, perUser(analysis, groupType, grouped));
  }

  /**
   * Per user with a step-1 event in the range: {@code s1} (step-1 times in the range, event order),
   * {@code step1_groups} (their group values, same order) and {@code s2..sN} (sorted times of each
   * later step).
   */
  private String perUser(FunnelAnalysis analysis, ColumnType groupType, boolean grouped) {
    Instant end = analysis.range().end();
    Set<String> properties = new LinkedHashSet<>();
    if (grouped) {
      properties.add(analysis.groupBy());
    }
    analysis.steps().forEach(step -> properties.addAll(FilterProperties.of(step.filter())));

    String firstStep =
        "("
            + source.criteria(analysis.steps().getFirst())
            + " AND time_ms < "
            + end.toEpochMilli()
            + ")";
    List<String> eventOrder = List.of("time_ms", "insert_id");
    List<String> select = new ArrayList<>();
    select.add(USER);
    select.add(dialect.listOrderedByIf("time_ms", eventOrder, firstStep) + " AS s1");
    select.add(
        (grouped
                ? dialect.listOrderedByIf(
                    dialect.listable(source.column(analysis.groupBy()), groupType),
                    eventOrder,
                    firstStep)
                : "NULL")
            + " AS step1_groups");
    for (int k = 2; k <= analysis.steps().size(); k++) {
      select.add(
          dialect.sortedListIf("time_ms", source.criteria(analysis.steps().get(k - 1)))
              + " AS s"
              + k);
    }
    // Later steps may end up to the window after the range's last step-1 event.
    String relation =
        source.relation(
            properties,
            analysis.range().start(),
            end.plus(analysis.window()),
            source.anyOf(analysis.steps()));
    return "SELECT "
        + String.join(", ", select)
        + " FROM "
        + relation
        + " AS e GROUP BY "
        + USER
        + " HAVING "
        + dialect.countIf(firstStep)
        + " > 0";
  }

  /**
   * {@value EventSource#USER}, {@code level} (the furthest step), {@code chain} (the times of the
   * first chain that gets there) and {@code g} (the group of its step-1 event), per user. One
   * subquery per step extends every chain, so the SQL grows linearly with the steps.
   */
  private String chains(FunnelAnalysis analysis, boolean grouped, String perUser) {
    int steps = analysis.steps().size();
    long window = analysis.window().toMillis();
    String query =
        "SELECT "
            + USER
            + ", step1_groups, "
            + dialect.map("s1", "x", "[x]")
            + " AS chains"
            + laterLists(2, steps)
            + " FROM ("
            + perUser
            + ") AS u";
    for (int k = 2; k <= steps; k++) {
      String last = "c[" + (k - 1) + "]";
      String next =
          dialect.firstOrZero(
              "s" + k, "y", last + " > 0 AND y >= " + last + " AND y <= c[1] + " + window);
      query =
          "SELECT "
              + USER
              + ", step1_groups, "
              + dialect.mapCapturing("chains", "c", dialect.append("c", next), "s" + k)
              + " AS chains"
              + laterLists(k + 1, steps)
              + " FROM ("
              + query
              + ") AS u";
    }
    query =
        "SELECT "
            + USER
            + ", step1_groups, chains, "
            + dialect.map("chains", "c", dialect.countWhere("c", "y", "y > 0"))
            + " AS levels FROM ("
            + query
            + ") AS u";
    String best = dialect.indexOf("levels", dialect.listMax("levels"));
    return "SELECT "
        + USER
        + ", "
        + dialect.listMax("levels")
        + " AS level, chains["
        + best
        + "] AS chain, "
        + (grouped ? "step1_groups[" + best + "]" : "NULL")
        + " AS g FROM ("
        + query
        + ") AS u";
  }

  /** Per group: users at each step and the lower median time of each step from the previous. */
  private String perGroup(FunnelAnalysis analysis, boolean grouped, String chains) {
    List<String> select = new ArrayList<>();
    select.add(grouped ? "g" : "NULL AS g");
    for (int k = 1; k <= analysis.steps().size(); k++) {
      String reached = "level >= " + k;
      select.add(dialect.countIf(reached) + " AS users" + k);
      if (k > 1) {
        // count() of a nullable value: a BIGINT on DuckDB, where count_if gives a HUGEINT that
        // cannot index a list. Index 1 (not 0) where none reached, which both engines accept.
        String reachedCount = "count(" + dialect.ifThen(reached, "1", "NULL") + ")";
        String median = "greatest(" + dialect.intDiv("(" + reachedCount + " + 1)", "2") + ", 1)";
        select.add(
            dialect.sortedListIf("chain[" + k + "] - chain[" + (k - 1) + "]", reached)
                + "["
                + median
                + "] AS median"
                + k);
      }
    }
    return "SELECT "
        + String.join(", ", select)
        + " FROM ("
        + chains
        + ") AS f"
        + (grouped ? " GROUP BY g" : "");
  }

  /** The step lists a chain subquery passes on to the next ones. */
  private static String laterLists(int from, int steps) {
    StringBuilder lists = new StringBuilder();
    for (int k = from; k <= steps; k++) {
      lists.append(", s").append(k);
    }
    return lists.toString();
  }

  private FunnelResult assemble(FunnelAnalysis analysis, ColumnType groupType, QueryRows rows) {
    int steps = analysis.steps().size();
    Map<GroupKey, FunnelResult.Group> groups = new TreeMap<>(GroupKey.ORDER);
    for (List<Object> row : rows.rows()) {
      GroupKey key =
          groupType == null
              ? GroupKey.NONE
              : GroupKey.of(
                  PropertyValueReader.read(
                      dialect.readListed(row.getFirst(), groupType), groupType));
      List<Long> users = new ArrayList<>();
      List<Long> medians = new ArrayList<>();
      for (int k = 1; k <= steps; k++) {
        // DuckDB's count_if over no rows (no user at all, without group-by) is NULL.
        Object count = row.get(column(rows, "users" + k));
        long reached = count == null ? 0 : QueryRows.asLong(count);
        users.add(reached);
        if (k > 1) {
          medians.add(reached == 0 ? null : QueryRows.asLong(row.get(column(rows, "median" + k))));
        }
      }
      if (users.getFirst() > 0) {
        groups.put(key, new FunnelResult.Group(key, users, medians));
      }
    }
    if (groups.isEmpty() && groupType == null) {
      List<Long> medians = new ArrayList<>();
      for (int k = 1; k < steps; k++) {
        medians.add(null);
      }
      groups.put(
          GroupKey.NONE,
          new FunnelResult.Group(GroupKey.NONE, Collections.nCopies(steps, 0L), medians));
    }
    return new FunnelResult(new ArrayList<>(groups.values()));
  }

  private static int column(QueryRows rows, String name) {
    int index = rows.columns().indexOf(name);
    if (index < 0) {
      throw new IllegalStateException("the query returned no column " + name);
    }
    return index;
  }
}
