package dev.sextant.query.reference;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Literal;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** Whether an event meets criteria and filters, per {@code docs/analyses.md}, "Filters". */
final class EventMatching {

  /** The order of a user's events everywhere: time, then insert id. */
  static final Comparator<TrackedEvent> EVENT_ORDER =
      Comparator.comparing(TrackedEvent::time).thenComparing(TrackedEvent::insertId);

  private EventMatching() {}

  static boolean matches(EventCriteria criteria, TrackedEvent event) {
    return (criteria.isAnyEvent() || criteria.events().contains(event.event()))
        && matches(criteria.filter(), event);
  }

  static boolean matches(Filter filter, TrackedEvent event) {
    return switch (filter) {
      case Filter.AllOf all -> all.filters().stream().allMatch(f -> matches(f, event));
      case Filter.AnyOf any -> any.filters().stream().anyMatch(f -> matches(f, event));
      case Filter.Comparison comparison -> matches(comparison, event);
    };
  }

  private static boolean matches(Filter.Comparison comparison, TrackedEvent event) {
    Object value = valueOf(event, comparison.property());
    List<Literal> literals = comparison.values();
    if (value == null) {
      return switch (comparison.operator()) {
        case NOT_SET -> true;
        default -> false;
      };
    }
    if (value instanceof List<?> list) {
      return switch (comparison.operator()) {
        case IS_SET -> true;
        case CONTAINS -> list.contains(((Literal.Text) literals.getFirst()).value());
        default -> false;
      };
    }
    if (comparison.operator().isOrdering() && !(value instanceof BigDecimal)) {
      return false;
    }
    return switch (comparison.operator()) {
      case IS_SET -> true;
      case NOT_SET -> false;
      case EQ, IN -> literals.stream().anyMatch(l -> sameKind(value, l) && isEqual(value, l));
      case NE, NOT_IN ->
          sameKind(value, literals.getFirst())
              && literals.stream().noneMatch(l -> isEqual(value, l));
      case GT -> compare(value, literals.getFirst()) > 0;
      case GE -> compare(value, literals.getFirst()) >= 0;
      case LT -> compare(value, literals.getFirst()) < 0;
      case LE -> compare(value, literals.getFirst()) <= 0;
      case BETWEEN -> compare(value, literals.get(0)) >= 0 && compare(value, literals.get(1)) <= 0;
      case CONTAINS ->
          value instanceof String text
              && text.contains(((Literal.Text) literals.getFirst()).value());
    };
  }

  /**
   * The property's value as String, BigDecimal (numbers), Boolean or List; null when it is absent,
   * null or an empty list.
   */
  static Object valueOf(TrackedEvent event, String property) {
    Object value = event.properties().get(property);
    return switch (value) {
      case null -> null;
      case BigDecimal number -> number.stripTrailingZeros();
      case Long number -> BigDecimal.valueOf(number);
      case Integer number -> BigDecimal.valueOf(number);
      case Number number -> new BigDecimal(number.toString()).stripTrailingZeros();
      case List<?> list -> list.isEmpty() ? null : list;
      default -> value;
    };
  }

  /** The property's numeric value, or null when it is not a number. */
  static BigDecimal numberOf(TrackedEvent event, String property) {
    return valueOf(event, property) instanceof BigDecimal number ? number : null;
  }

  private static boolean sameKind(Object value, Literal literal) {
    return switch (literal) {
      case Literal.Text ignored -> value instanceof String;
      case Literal.Number ignored -> value instanceof BigDecimal;
      case Literal.Bool ignored -> value instanceof Boolean;
    };
  }

  private static boolean isEqual(Object value, Literal literal) {
    return switch (literal) {
      case Literal.Text text -> text.value().equals(value);
      case Literal.Number number ->
          value instanceof BigDecimal decimal && decimal.compareTo(number.value()) == 0;
      case Literal.Bool bool -> Boolean.valueOf(bool.value()).equals(value);
    };
  }

  /** Compares a number with a number literal (validation guarantees the literal's kind). */
  private static int compare(Object value, Literal literal) {
    return ((BigDecimal) value).compareTo(((Literal.Number) literal).value());
  }
}
