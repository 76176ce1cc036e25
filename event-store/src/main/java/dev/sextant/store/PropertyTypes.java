package dev.sextant.store;

import java.util.Optional;

/**
 * Where the store learns the column type of a property it has no column for yet: in Sextant, the
 * project's tracking plan. A store asks only about properties that are new to it.
 */
@FunctionalInterface
public interface PropertyTypes {

  /** The type of {@code property} in {@code project}, or empty if the project does not type it. */
  Optional<ColumnType> typeOf(String project, String property);
}
