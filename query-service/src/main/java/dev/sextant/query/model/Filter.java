package dev.sextant.query.model;

import static dev.sextant.query.model.InvalidQueryException.require;
import static dev.sextant.query.model.InvalidQueryException.requirePresent;
import static dev.sextant.query.model.InvalidQueryException.requirePropertyName;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A condition on an event's properties: a comparison, or an AND / OR group of filters. There is no
 * NOT, so a comparison on a missing property is simply false (see {@code docs/analyses.md}).
 */
public sealed interface Filter {

  /** How deep groups may nest. */
  int MAX_DEPTH = 5;

  /** The filter every event passes: an empty AND group. */
  static Filter none() {
    return new AllOf(List.of());
  }

  static Filter all(Filter... filters) {
    return new AllOf(Arrays.asList(filters));
  }

  static Filter any(Filter... filters) {
    return new AnyOf(Arrays.asList(filters));
  }

  static Filter where(String property, Operator operator, Literal... values) {
    return new Comparison(property, operator, Arrays.asList(values));
  }

  /** The nesting depth: 0 for a comparison. */
  int depth();

  /** Whether every event passes this filter. */
  default boolean isEmpty() {
    return this instanceof AllOf all && all.filters().isEmpty();
  }

  /** {@code property operator values}. */
  record Comparison(String property, Operator operator, List<Literal> values) implements Filter {
    public Comparison {
      requirePropertyName(property, "property");
      requirePresent(operator, "operator");
      values = List.copyOf(requirePresent(values, "values"));
      require(
          values.size() >= operator.minValues() && values.size() <= operator.maxValues(),
          "values",
          operator.name().toLowerCase(Locale.ROOT)
              + " takes "
              + (operator.minValues() == operator.maxValues()
                  ? String.valueOf(operator.minValues())
                  : operator.minValues() + " to " + operator.maxValues())
              + " values, got "
              + values.size());
      if (operator.isOrdering()) {
        for (int i = 0; i < values.size(); i++) {
          require(values.get(i) instanceof Literal.Number, "values[" + i + "]", "must be a number");
        }
      }
      if (operator == Operator.BETWEEN) {
        BigDecimal low = ((Literal.Number) values.get(0)).value();
        BigDecimal high = ((Literal.Number) values.get(1)).value();
        require(low.compareTo(high) <= 0, "values", "between needs low <= high");
      }
      if (operator == Operator.CONTAINS) {
        require(values.get(0) instanceof Literal.Text, "values[0]", "contains takes a string");
      }
      if (operator == Operator.IN || operator == Operator.NOT_IN) {
        Class<?> kind = values.get(0).getClass();
        for (int i = 1; i < values.size(); i++) {
          require(
              values.get(i).getClass() == kind,
              "values[" + i + "]",
              "all values of an in list must be of one kind");
        }
      }
    }

    @Override
    public int depth() {
      return 0;
    }
  }

  /** Passes when every filter passes; an empty group passes everything. */
  record AllOf(List<Filter> filters) implements Filter {
    public AllOf {
      filters = checkGroup(filters);
    }

    @Override
    public int depth() {
      return 1 + filters.stream().mapToInt(Filter::depth).max().orElse(0);
    }
  }

  /** Passes when at least one filter passes; an empty group is refused. */
  record AnyOf(List<Filter> filters) implements Filter {
    public AnyOf {
      filters = checkGroup(filters);
      require(!filters.isEmpty(), "filters", "an OR group needs at least one filter");
    }

    @Override
    public int depth() {
      return 1 + filters.stream().mapToInt(Filter::depth).max().orElse(0);
    }
  }

  private static List<Filter> checkGroup(List<Filter> filters) {
    List<Filter> copy = List.copyOf(requirePresent(filters, "filters"));
    require(copy.size() <= 100, "filters", "at most 100 filters in a group");
    for (int i = 0; i < copy.size(); i++) {
      require(copy.get(i).depth() < MAX_DEPTH, "filters[" + i + "]", "groups nest too deep");
    }
    return copy;
  }
}
