package dev.sextant.query.model;

import java.util.regex.Pattern;

/**
 * A request that breaks a rule of {@code docs/analyses.md}. {@link #field()} is the path of the
 * offending field relative to the record that refused it, e.g. {@code values} or {@code steps[2]}.
 */
public final class InvalidQueryException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,99}");

  private final String field;

  public InvalidQueryException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The path of the offending field. */
  public String field() {
    return field;
  }

  static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidQueryException(field, message);
    }
  }

  static <T> T requirePresent(T value, String field) {
    require(value != null, field, "is required");
    return value;
  }

  /**
   * Property names are identifiers: the compiler still takes columns only from the tracking plan,
   * but a name that could never be a column is refused before it gets there.
   */
  static String requirePropertyName(String name, String field) {
    require(
        name != null && PROPERTY_NAME.matcher(name).matches(),
        field,
        "must be a property name ([A-Za-z_$][A-Za-z0-9_$]*, at most 100 characters)");
    return name;
  }
}
