package dev.sextant.query.sql;

import dev.sextant.query.model.EventCriteria;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The relation every compiled analysis reads: a project's events between two instants, as a
 * subquery with the fixed columns {@code event}, {@code time_ms}, {@code insert_id}, the user key
 * {@value #USER} and the property columns the analysis needs. Identity (which key is "the user") is
 * decided here and nowhere else: the login id an event's distinct id is linked to ({@code
 * track_signup}), else the distinct id, so events sent before a signup count for the signed-up
 * user. Links are applied when a query runs: a late link re-attributes earlier events.
 */
public final class EventSource {

  /** The column holding the user an event counts for. */
  public static final String USER = "user_id";

  private final SqlDialect dialect;
  private final String project;
  private final PropertyCatalog catalog;
  private final FilterSql filters;

  /**
   * Conditions on {@value #USER} every read user must meet: {@code user_id IN (...)} or {@code
   * user_id NOT IN (...)} of subqueries of user ids ({@link SegmentCompiler#members}, {@link
   * UserListSql}). The user key is never NULL, so NOT IN is exact on both engines.
   */
  private final List<String> memberships;

  public EventSource(SqlDialect dialect, String project, PropertyCatalog catalog) {
    this(dialect, project, catalog, List.of());
  }

  private EventSource(
      SqlDialect dialect, String project, PropertyCatalog catalog, List<String> memberships) {
    this.dialect = dialect;
    this.project = project;
    this.catalog = catalog;
    this.filters = new FilterSql(dialect, catalog);
    this.memberships = List.copyOf(memberships);
  }

  /**
   * The same source, reading only the events of the users {@code members} selects (a query with the
   * one column {@value #USER}, e.g. {@link SegmentCompiler#members}): every analysis compiled on it
   * is restricted to a segment ({@code docs/analyses.md}, "Segments in analyses").
   */
  public EventSource restrictedTo(String members) {
    return withMembership(USER + " IN (" + members + ")");
  }

  /** The same source, reading no event of the users {@code users} selects ("not targeted"). */
  public EventSource excluding(String users) {
    return withMembership(USER + " NOT IN (" + users + ")");
  }

  private EventSource withMembership(String condition) {
    List<String> all = new ArrayList<>(memberships);
    all.add(condition);
    return new EventSource(dialect, project, catalog, all);
  }

  public SqlDialect dialect() {
    return dialect;
  }

  public PropertyCatalog catalog() {
    return catalog;
  }

  public FilterSql filters() {
    return filters;
  }

  /**
   * {@code (SELECT ... FROM <events> WHERE <time in [from, to)> AND <where>)}.
   *
   * @param properties the properties the analysis reads (those without a column are left out:
   *     {@link #column} renders them as NULL)
   * @param from the first instant read, or null for the store's beginning
   * @param to the first instant not read, or null for its end
   * @param where a further condition on the stored rows, e.g. {@link #anyOf} the analysis's events
   */
  public String relation(Collection<String> properties, Instant from, Instant to, String where) {
    List<String> select = new ArrayList<>(List.of("event", "time_ms", "insert_id"));
    select.add(dialect.linkedUser() + " AS " + USER);
    for (String property : new TreeSet<>(properties)) {
      if (catalog.hasColumn(property)) {
        select.add(dialect.identifier(property));
      }
    }
    List<String> conditions = new ArrayList<>();
    if (from != null) {
      conditions.add("time_ms >= " + from.toEpochMilli());
    }
    if (to != null) {
      conditions.add("time_ms < " + to.toEpochMilli());
    }
    if (from != null && to != null) {
      conditions.add(dialect.datePruning(from, to));
    }
    conditions.add(where);
    String relation =
        "(SELECT "
            + String.join(", ", select)
            + " FROM "
            + dialect.eventsTable(project)
            + dialect.joinIdLinks(project)
            + " WHERE "
            + String.join(" AND ", conditions)
            + ")";
    if (memberships.isEmpty()) {
      return relation;
    }
    // The user key is a computed column, so membership is tested on the relation's rows.
    return "(SELECT * FROM " + relation + " AS r WHERE " + String.join(" AND ", memberships) + ")";
  }

  /** A property's value in the relation: its column, or NULL when it has none. */
  public String column(String property) {
    return catalog.hasColumn(property) ? dialect.identifier(property) : "NULL";
  }

  /** Whether a row meets the criteria: one of its event names (or any) and its filter. */
  public String criteria(EventCriteria criteria) {
    String names = names(criteria);
    String filter = filters.condition(criteria.filter());
    return names == null ? filter : "(" + names + " AND " + filter + ")";
  }

  /**
   * A condition that keeps only rows some of the criteria could match, for {@link #relation}'s
   * {@code where}: the union of their event names, or true when one of them takes any event.
   */
  public String anyOf(Collection<EventCriteria> criteria) {
    TreeSet<String> names = new TreeSet<>();
    for (EventCriteria c : criteria) {
      if (c.isAnyEvent()) {
        return SqlCondition.TRUE;
      }
      names.addAll(c.events());
    }
    return names.isEmpty() ? SqlCondition.TRUE : inNames(names);
  }

  private String names(EventCriteria criteria) {
    return criteria.isAnyEvent() ? null : inNames(criteria.events());
  }

  private String inNames(Collection<String> names) {
    List<String> literals = names.stream().map(dialect::string).toList();
    return "event IN (" + String.join(", ", literals) + ")";
  }
}
