package dev.sextant.registry.validation;

import dev.sextant.registry.plan.PropertyType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Whether a JSON-decoded value fits a property type, in the forms the Sensors SDKs send. */
final class PropertyValues {

  private static final DateTimeFormatter SENSORS_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

  private PropertyValues() {}

  static boolean conforms(PropertyType type, Object value) {
    return switch (type) {
      case NUMBER -> value instanceof Number;
      case STRING -> value instanceof String;
      case BOOL -> value instanceof Boolean;
      case DATETIME -> value instanceof String text && parses(text, true);
      case DATE -> value instanceof String text && parses(text, false);
      case LIST ->
          value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    };
  }

  static String describe(PropertyType type) {
    return switch (type) {
      case NUMBER -> "a number";
      case STRING -> "a string";
      case BOOL -> "true or false";
      case DATETIME -> "a datetime 'yyyy-MM-dd HH:mm:ss[.SSS]'";
      case DATE -> "a date 'yyyy-MM-dd'";
      case LIST -> "a list of strings";
    };
  }

  static String describeValue(Object value) {
    return switch (value) {
      case null -> "null";
      case Number n -> "the number " + n;
      case String s -> "the string \"" + abbreviate(s) + "\"";
      case Boolean b -> b.toString();
      case List<?> l -> "a list of " + l.size();
      default -> "an object";
    };
  }

  private static boolean parses(String text, boolean withTime) {
    try {
      if (withTime) {
        LocalDateTime.parse(text, SENSORS_DATETIME);
      } else {
        LocalDate.parse(text);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
