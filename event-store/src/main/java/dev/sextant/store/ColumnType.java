package dev.sextant.store;

/**
 * The type of a property's column in a project's events table: the store's own copy of the tracking
 * plan's property types, so that the SPI does not depend on the schema registry (the wiring maps
 * one onto the other). Values in {@link dev.sextant.event.TrackedEvent#properties()} have one Java
 * form per type; see {@link PropertyValues}.
 */
public enum ColumnType {
  /** {@code Long} or {@code BigDecimal}; at most 30 digits before the point and 8 after. */
  NUMBER,
  /** {@code String}. */
  STRING,
  /** {@code Boolean}. */
  BOOL,
  /** {@code String} {@code yyyy-MM-dd HH:mm:ss[.SSS]}, a wall-clock time in the project's zone. */
  DATETIME,
  /** {@code String} {@code yyyy-MM-dd}. */
  DATE,
  /** A {@code List} of {@code String}; an empty list is stored as absent. */
  LIST
}
