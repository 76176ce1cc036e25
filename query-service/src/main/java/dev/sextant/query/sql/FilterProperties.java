package dev.sextant.query.sql;

import dev.sextant.query.model.Filter;
import java.util.LinkedHashSet;
import java.util.Set;

/** The properties a filter reads, so the event relation selects their columns. */
public final class FilterProperties {

  private FilterProperties() {}

  public static Set<String> of(Filter filter) {
    Set<String> properties = new LinkedHashSet<>();
    collect(filter, properties);
    return properties;
  }

  private static void collect(Filter filter, Set<String> properties) {
    switch (filter) {
      case Filter.Comparison comparison -> properties.add(comparison.property());
      case Filter.AllOf all -> all.filters().forEach(f -> collect(f, properties));
      case Filter.AnyOf any -> any.filters().forEach(f -> collect(f, properties));
    }
  }
}
