package dev.sextant.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of figures as the report prints it. A column whose name ends in {@code " >"} is
 * right-aligned (numbers); the marker is not printed.
 *
 * @param caption one sentence above the table, or empty
 * @param columns the column names
 * @param rows the cells, already formatted, one list per row, as many as there are columns
 */
public record Table(String caption, List<String> columns, List<List<String>> rows) {

  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " cells for " + columns.size() + " columns: " + row);
      }
    }
  }

  /** A table to fill row by row. */
  public static Builder builder(String caption, String... columns) {
    return new Builder(caption, List.of(columns));
  }

  /** Collects the rows of a {@link Table}. */
  public static final class Builder {
    private final String caption;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    private Builder(String caption, List<String> columns) {
      this.caption = caption;
      this.columns = columns;
    }

    public Builder row(String... cells) {
      rows.add(List.of(cells));
      return this;
    }

    public Table build() {
      return new Table(caption, columns, rows);
    }
  }
}
