package dev.sextant.registry.plan;

/** The value types a property can have. A property name has one type across a whole project. */
public enum PropertyType {
  NUMBER,
  STRING,
  BOOL,
  /** Sensors format {@code yyyy-MM-dd HH:mm:ss[.SSS]}, in the project's time zone. */
  DATETIME,
  /** {@code yyyy-MM-dd}. */
  DATE,
  /** A list of strings. */
  LIST
}
