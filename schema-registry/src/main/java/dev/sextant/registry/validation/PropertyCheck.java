package dev.sextant.registry.validation;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.registry.plan.EnumValue;
import dev.sextant.registry.plan.PiiClass;
import dev.sextant.registry.plan.PresetProperty;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the plan says about one property's values, compiled for the hot path: {@link #accepts}
 * answers without allocating; {@link #explain} says why not, only for the records that fail. Values
 * come as the collector decodes JSON: {@code String}, {@code Long}, {@code BigDecimal}, {@code
 * Boolean}, a {@code List}, or null.
 */
final class PropertyCheck {

  /** Digits after the point the event stores keep ({@code Decimal(38, 8)}). */
  static final int STORED_DECIMALS = 8;

  /** Digits before the point the event stores keep ({@code Decimal(38, 8)}). */
  static final int STORED_INTEGER_DIGITS = 30;

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final int MAX_LISTED_VALUES = 10;

  private final String name;
  private final PropertyType type;
  private final boolean forbidden;
  private final int maxLength;
  private final BigDecimal min;
  private final BigDecimal max;
  private final long longMin;
  private final long longMax;
  private final boolean anyLongFits;
  private final Set<String> stringValues;
  private final long[] numberValues;
  private final List<String> listedValues;

  private PropertyCheck(
      String name,
      PropertyType type,
      boolean forbidden,
      Integer maxLength,
      BigDecimal min,
      BigDecimal max,
      List<EnumValue> values) {
    this.name = name;
    this.type = type;
    this.forbidden = forbidden;
    this.maxLength = maxLength == null ? Integer.MAX_VALUE : maxLength;
    this.min = min;
    this.max = max;
    BigDecimal ceilMin = min == null ? LONG_MIN : min.setScale(0, RoundingMode.CEILING);
    BigDecimal floorMax = max == null ? LONG_MAX : max.setScale(0, RoundingMode.FLOOR);
    this.anyLongFits =
        ceilMin.compareTo(LONG_MAX) <= 0
            && floorMax.compareTo(LONG_MIN) >= 0
            && ceilMin.compareTo(floorMax) <= 0;
    this.longMin = ceilMin.max(LONG_MIN).longValue();
    this.longMax = floorMax.min(LONG_MAX).longValue();
    this.listedValues = values.stream().map(EnumValue::value).toList();
    if (values.isEmpty()) {
      this.stringValues = null;
      this.numberValues = null;
    } else if (type == PropertyType.NUMBER) {
      this.stringValues = null;
      this.numberValues =
          values.stream()
              .mapToLong(v -> new BigDecimal(v.value()).longValueExact())
              .sorted()
              .toArray();
    } else {
      this.stringValues = new HashSet<>(listedValues);
      this.numberValues = null;
    }
  }

  static PropertyCheck of(PropertyDefinition definition) {
    return new PropertyCheck(
        definition.name(),
        definition.type(),
        definition.pii() == PiiClass.FORBIDDEN,
        definition.maxLength(),
        definition.min(),
        definition.max(),
        definition.values());
  }

  static PropertyCheck of(PresetProperty preset) {
    return new PropertyCheck(preset.name(), preset.type(), false, null, null, null, List.of());
  }

  PropertyType type() {
    return type;
  }

  /** Whether the property must never be collected. */
  boolean isForbidden() {
    return forbidden;
  }

  /** Whether the value conforms. Allocation-free for the forms the collector decodes. */
  boolean accepts(Object value) {
    if (forbidden) {
      return false;
    }
    return switch (type) {
      case NUMBER -> value instanceof Number number && acceptsNumber(number);
      case STRING -> value instanceof String text && acceptsText(text);
      case BOOL -> value instanceof Boolean;
      case DATETIME -> value instanceof String text && SensorsTimes.isDateTime(text);
      case DATE -> value instanceof String text && SensorsTimes.isDate(text);
      case LIST -> value instanceof List<?> list && acceptsList(list);
    };
  }

  private boolean acceptsNumber(Number number) {
    // An instanceof chain rather than a pattern switch: this is the hot path, Long first.
    if (number instanceof Long l) {
      return acceptsLong(l);
    }
    if (number instanceof BigDecimal d) {
      return acceptsDecimal(d);
    }
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return acceptsLong(number.longValue());
    }
    if (number instanceof Double || number instanceof Float) {
      return acceptsDouble(number.doubleValue());
    }
    return acceptsDecimal(new BigDecimal(number.toString()));
  }

  private boolean acceptsLong(long value) {
    if (!anyLongFits || value < longMin || value > longMax) {
      return false;
    }
    return numberValues == null || Arrays.binarySearch(numberValues, value) >= 0;
  }

  private boolean acceptsDecimal(BigDecimal value) {
    if (!fitsStorage(value)) {
      return false;
    }
    if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
      return false;
    }
    if (numberValues == null) {
      return true;
    }
    BigDecimal whole = value.stripTrailingZeros();
    return whole.scale() <= 0
        && whole.compareTo(LONG_MIN) >= 0
        && whole.compareTo(LONG_MAX) <= 0
        && Arrays.binarySearch(numberValues, whole.longValue()) >= 0;
  }

  private boolean acceptsDouble(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return false;
    }
    return acceptsDecimal(BigDecimal.valueOf(value));
  }

  private boolean acceptsText(String text) {
    return fitsLength(text) && (stringValues == null || stringValues.contains(text));
  }

  private boolean fitsLength(String text) {
    // length() counts UTF-16 units, never fewer than code points: count them only when it matters.
    return text.length() <= maxLength || text.codePointCount(0, text.length()) <= maxLength;
  }

  private boolean acceptsList(List<?> list) {
    for (int i = 0, n = list.size(); i < n; i++) {
      if (!(list.get(i) instanceof String element) || !acceptsText(element)) {
        return false;
      }
    }
    return true;
  }

  /** Why the value does not conform; empty when it does. */
  Optional<QuarantineReason> explain(Object value) {
    if (accepts(value)) {
      return Optional.empty();
    }
    String path = "properties." + name;
    if (forbidden) {
      return reason(
          QuarantineCode.FORBIDDEN_PROPERTY,
          path,
          "property '" + name + "' must never be collected (PII class FORBIDDEN)");
    }
    if (!hasType(value)) {
      return reason(
          QuarantineCode.TYPE_MISMATCH,
          path,
          "property '" + name + "' must be " + describe(type) + ", got " + describeValue(value));
    }
    return switch (value) {
      case Number number -> explainNumber(path, number);
      case String text -> explainText(path, text);
      case List<?> list -> explainList(path, list);
      default -> Optional.empty();
    };
  }

  private boolean hasType(Object value) {
    return switch (type) {
      case NUMBER -> value instanceof Number number && isFinite(number);
      case STRING -> value instanceof String;
      case BOOL -> value instanceof Boolean;
      case DATETIME -> value instanceof String text && SensorsTimes.isDateTime(text);
      case DATE -> value instanceof String text && SensorsTimes.isDate(text);
      case LIST ->
          value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    };
  }

  private static boolean isFinite(Number number) {
    return !(number instanceof Double d && (d.isNaN() || d.isInfinite()))
        && !(number instanceof Float f && (f.isNaN() || f.isInfinite()));
  }

  /**
   * Whether a number fits the event stores' {@code Decimal(38, 8)} column (ADR 0006): at most 30
   * digits before the point and 8 after, once trailing zeros are dropped. A number past that is
   * quarantined here rather than rounded or refused by the store later.
   */
  static boolean fitsStorage(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() <= STORED_DECIMALS
        && stripped.precision() - stripped.scale() <= STORED_INTEGER_DIGITS;
  }

  private Optional<QuarantineReason> explainNumber(String path, Number number) {
    BigDecimal value = new BigDecimal(number.toString());
    if (!fitsStorage(value)) {
      return reason(
          QuarantineCode.OUT_OF_RANGE,
          path,
          "property '"
              + name
              + "' must have at most "
              + STORED_INTEGER_DIGITS
              + " digits before the point and "
              + STORED_DECIMALS
              + " after, got "
              + value.toPlainString());
    }
    if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
      return reason(
          QuarantineCode.OUT_OF_RANGE,
          path,
          "property '" + name + "' must be " + describeBounds() + ", got " + value.toPlainString());
    }
    return reason(
        QuarantineCode.NOT_IN_ENUM,
        path,
        "property '"
            + name
            + "' must be one of "
            + describeValues()
            + "; got "
            + value.toPlainString());
  }

  private Optional<QuarantineReason> explainText(String path, String text) {
    if (!fitsLength(text)) {
      return reason(
          QuarantineCode.TOO_LONG,
          path,
          "property '"
              + name
              + "' may have at most "
              + maxLength
              + " characters, got "
              + text.codePointCount(0, text.length()));
    }
    return reason(
        QuarantineCode.NOT_IN_ENUM,
        path,
        "property '"
            + name
            + "' must be one of "
            + describeValues()
            + "; got \""
            + abbreviate(text)
            + "\"");
  }

  private Optional<QuarantineReason> explainList(String path, List<?> list) {
    for (int i = 0; i < list.size(); i++) {
      String element = (String) list.get(i);
      if (!acceptsText(element)) {
        return explainText(path, element);
      }
    }
    return Optional.empty();
  }

  private String describeBounds() {
    if (min != null && max != null) {
      return "between " + min.toPlainString() + " and " + max.toPlainString();
    }
    return min != null ? "at least " + min.toPlainString() : "at most " + max.toPlainString();
  }

  private String describeValues() {
    String shown = listedValues.stream().limit(MAX_LISTED_VALUES).collect(Collectors.joining(", "));
    return listedValues.size() > MAX_LISTED_VALUES ? shown + ", …" : shown;
  }

  private static Optional<QuarantineReason> reason(
      QuarantineCode code, String path, String message) {
    return Optional.of(new QuarantineReason(code, path, message));
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

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
