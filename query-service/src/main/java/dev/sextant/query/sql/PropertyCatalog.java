package dev.sextant.query.sql;

import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyTypes;
import java.util.Map;
import java.util.Optional;

/**
 * The properties a request may name, with their types: those the tracking plan declares and those
 * that have a column in the project's events table (a permissive project stores properties its plan
 * does not know). A planned property without a column yet holds no value on any event.
 */
public final class PropertyCatalog {

  private final String project;
  private final PropertyTypes planned;
  private final Map<String, ColumnType> columns;

  /**
   * @param planned the plan's property types (with the Sensors presets)
   * @param columns the property columns that exist, with their types (these win over the plan's)
   */
  public PropertyCatalog(String project, PropertyTypes planned, Map<String, ColumnType> columns) {
    this.project = project;
    this.planned = planned;
    this.columns = Map.copyOf(columns);
  }

  /** A catalog of exactly these columns. */
  public static PropertyCatalog ofColumns(Map<String, ColumnType> columns) {
    return new PropertyCatalog("", (project, property) -> Optional.empty(), columns);
  }

  /**
   * The type of a property a request names.
   *
   * @param field the request field, for the error
   * @throws InvalidQueryException if the project knows no such property
   */
  public ColumnType typeOf(String property, String field) {
    ColumnType type = columns.get(property);
    if (type == null) {
      type = planned.typeOf(project, property).orElse(null);
    }
    if (type == null) {
      throw new InvalidQueryException(
          field, "unknown property '" + property + "': it is neither in the plan nor stored");
    }
    return type;
  }

  /** Whether the events table has a column for the property. */
  public boolean hasColumn(String property) {
    return columns.containsKey(property);
  }

  /** The stored column's type, if there is a column. */
  public Optional<ColumnType> columnType(String property) {
    return Optional.ofNullable(columns.get(property));
  }
}
