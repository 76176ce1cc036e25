package dev.sextant.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one Java form of a property value per {@link ColumnType}, shared by both adapters so that a
 * value read back equals the value written on either engine. Values of the wrong form are refused
 * with an {@link IllegalArgumentException}, never converted silently.
 */
public final class PropertyValues {

  /** The columns every events table has; no property may take their names. */
  public static final Set<String> FIXED_COLUMNS =
      Set.of(
          "project",
          "event",
          "distinct_id",
          "time_ms",
          "event_time",
          "event_date",
          "insert_id",
          "track_id",
          "received_at_ms");

  private static final Pattern PROPERTY_NAME = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");

  /** {@code Decimal(38, 8)} on both engines. */
  public static final int NUMBER_SCALE = 8;

  private static final int NUMBER_INTEGER_DIGITS = 30;

  private static final DateTimeFormatter DATE_TIME_IN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS]");
  private static final DateTimeFormatter DATE_TIME_OUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DATE_TIME_MILLIS_OUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

  private PropertyValues() {}

  /** A NUMBER value as a decimal, checked against {@code Decimal(38, 8)}. */
  public static BigDecimal number(String property, Object value) {
    BigDecimal number =
        switch (value) {
          case Long l -> BigDecimal.valueOf(l);
          case Integer i -> BigDecimal.valueOf(i);
          case BigDecimal d -> d;
          default -> throw wrongForm(property, ColumnType.NUMBER, value);
        };
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() > NUMBER_SCALE
        || stripped.precision() - stripped.scale() > NUMBER_INTEGER_DIGITS) {
      throw new IllegalArgumentException(
          "property %s: %s does not fit Decimal(38, 8)".formatted(property, number));
    }
    return stripped;
  }

  /**
   * The canonical form of a stored number: a {@code Long} if it is whole and fits, else a {@code
   * BigDecimal} without trailing zeros.
   */
  public static Object canonicalNumber(BigDecimal stored) {
    BigDecimal stripped = stored.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      try {
        return stripped.longValueExact();
      } catch (ArithmeticException tooLarge) {
        return stripped.setScale(0, RoundingMode.UNNECESSARY);
      }
    }
    return stripped;
  }

  public static String string(String property, Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw wrongForm(property, ColumnType.STRING, value);
  }

  public static boolean bool(String property, Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw wrongForm(property, ColumnType.BOOL, value);
  }

  /** A DATETIME value as the wall-clock time it names; no zone is applied. */
  public static LocalDateTime dateTime(String property, Object value) {
    if (value instanceof String text) {
      try {
        return LocalDateTime.parse(text, DATE_TIME_IN);
      } catch (DateTimeParseException e) {
        throw wrongForm(property, ColumnType.DATETIME, value);
      }
    }
    throw wrongForm(property, ColumnType.DATETIME, value);
  }

  /** {@code yyyy-MM-dd HH:mm:ss}, with {@code .SSS} only when the milliseconds are not zero. */
  public static String dateTimeText(LocalDateTime stored) {
    return stored.get(ChronoField.MILLI_OF_SECOND) == 0
        ? DATE_TIME_OUT.format(stored)
        : DATE_TIME_MILLIS_OUT.format(stored);
  }

  public static LocalDate date(String property, Object value) {
    if (value instanceof String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw wrongForm(property, ColumnType.DATE, value);
      }
    }
    throw wrongForm(property, ColumnType.DATE, value);
  }

  /** A LIST value; empty is stored as absent, so both engines read it back the same way. */
  public static List<String> list(String property, Object value) {
    if (value instanceof List<?> items) {
      for (Object item : items) {
        if (!(item instanceof String)) {
          throw wrongForm(property, ColumnType.LIST, value);
        }
      }
      return items.stream().map(String.class::cast).toList();
    }
    throw wrongForm(property, ColumnType.LIST, value);
  }

  /** Whether a value is stored as absent: an empty list (ClickHouse arrays cannot be null). */
  public static boolean isStoredAsAbsent(Object value) {
    return value instanceof List<?> items && items.isEmpty();
  }

  /**
   * Refuses a property name that is not an identifier ({@code $?[A-Za-z_][A-Za-z0-9_]*}, as the
   * registry's naming rules allow) or that would take the name of a fixed column; property names
   * become column names.
   */
  public static String requirePropertyName(String property) {
    if (property == null || !PROPERTY_NAME.matcher(property).matches()) {
      throw new IllegalArgumentException("not a property name usable as a column: " + property);
    }
    if (FIXED_COLUMNS.contains(property)) {
      throw new IllegalArgumentException(
          "property " + property + " has the name of a fixed column of the events tables");
    }
    return property;
  }

  private static IllegalArgumentException wrongForm(
      String property, ColumnType type, Object value) {
    return new IllegalArgumentException(
        "property %s is a %s column; got %s"
            .formatted(property, type, value == null ? "null" : value.getClass().getSimpleName()));
  }
}
