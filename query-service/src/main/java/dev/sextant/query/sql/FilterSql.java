package dev.sextant.query.sql;

import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Filter.AllOf;
import dev.sextant.query.model.Filter.AnyOf;
import dev.sextant.query.model.Filter.Comparison;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Operator;
import dev.sextant.store.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Filter} as a SQL condition that is never NULL: a comparison on a missing property is
 * false (except {@code not_set}), as {@code docs/analyses.md}, "Filters", says. The literal's kind
 * must fit the property's type: the compiler refuses what the reference would only ever find false.
 */
public final class FilterSql {

  private final SqlDialect dialect;
  private final PropertyCatalog catalog;

  public FilterSql(SqlDialect dialect, PropertyCatalog catalog) {
    this.dialect = dialect;
    this.catalog = catalog;
  }

  /** The condition; {@code 1 = 1} for the empty filter. */
  public String condition(Filter filter) {
    return switch (filter) {
      case AllOf all -> group(all.filters(), " AND ", "(1 = 1)");
      case AnyOf any -> group(any.filters(), " OR ", "(1 = 0)");
      case Comparison comparison -> comparison(comparison);
    };
  }

  private String group(List<Filter> filters, String joiner, String empty) {
    if (filters.isEmpty()) {
      return empty;
    }
    List<String> parts = new ArrayList<>(filters.size());
    filters.forEach(filter -> parts.add(condition(filter)));
    return "(" + String.join(joiner, parts) + ")";
  }

  private String comparison(Comparison comparison) {
    String property = comparison.property();
    ColumnType type = catalog.typeOf(property, "filter.property");
    checkKinds(comparison, type);
    if (!catalog.hasColumn(property)) {
      // No event has the property yet: every value is missing.
      return comparison.operator() == Operator.NOT_SET ? "(1 = 1)" : "(1 = 0)";
    }
    String column = dialect.identifier(property);
    List<String> values = comparison.values().stream().map(this::literal).toList();
    return switch (comparison.operator()) {
      case IS_SET -> dialect.isSet(column, type);
      case NOT_SET -> "(NOT " + dialect.isSet(column, type) + ")";
      case CONTAINS ->
          type == ColumnType.LIST
              ? dialect.listHas(column, values.getFirst())
              : dialect.stringContains(column, values.getFirst());
      case EQ -> compare(column, "=", values.getFirst());
      case NE -> compare(column, "<>", values.getFirst());
      case GT -> compare(column, ">", values.getFirst());
      case GE -> compare(column, ">=", values.getFirst());
      case LT -> compare(column, "<", values.getFirst());
      case LE -> compare(column, "<=", values.getFirst());
      case BETWEEN ->
          dialect.definite(
              "("
                  + column
                  + " >= "
                  + values.get(0)
                  + " AND "
                  + column
                  + " <= "
                  + values.get(1)
                  + ")");
      case IN -> dialect.definite("(" + column + " IN (" + String.join(", ", values) + "))");
      // ClickHouse 18.16 answers 1, not NULL, for NULL NOT IN (...) (measured): test the value.
      case NOT_IN ->
          dialect.definite(
              "("
                  + dialect.isSet(column, type)
                  + " AND "
                  + column
                  + " NOT IN ("
                  + String.join(", ", values)
                  + "))");
    };
  }

  private String compare(String column, String operator, String literal) {
    return dialect.definite("(" + column + " " + operator + " " + literal + ")");
  }

  private String literal(Literal literal) {
    return switch (literal) {
      case Literal.Text text -> dialect.string(text.value());
      case Literal.Number number -> dialect.number(number.value());
      case Literal.Bool bool -> dialect.bool(bool.value());
    };
  }

  /**
   * Which literal kinds each type can compare with. DATE and DATETIME compare only by presence:
   * their stored forms differ per engine, and no analysis in the plan filters on them yet.
   */
  private static void checkKinds(Comparison comparison, ColumnType type) {
    Operator operator = comparison.operator();
    if (operator == Operator.IS_SET || operator == Operator.NOT_SET) {
      return;
    }
    String name = operator.name().toLowerCase(Locale.ROOT);
    Class<? extends Literal> kind = comparison.values().getFirst().getClass();
    boolean fits =
        switch (type) {
          case STRING -> kind == Literal.Text.class && !operator.isOrdering();
          case NUMBER -> kind == Literal.Number.class && operator != Operator.CONTAINS;
          case BOOL ->
              kind == Literal.Bool.class && (operator == Operator.EQ || operator == Operator.NE);
          case LIST -> operator == Operator.CONTAINS;
          case DATE, DATETIME -> false;
        };
    if (!fits) {
      throw new InvalidQueryException(
          "filter",
          "'%s' is a %s property; %s with a %s cannot be applied to it"
              .formatted(comparison.property(), type, name, kindName(kind)));
    }
  }

  private static String kindName(Class<? extends Literal> kind) {
    if (kind == Literal.Text.class) {
      return "string";
    }
    return kind == Literal.Number.class ? "number" : "boolean";
  }
}
