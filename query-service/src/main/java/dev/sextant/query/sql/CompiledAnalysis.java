package dev.sextant.query.sql;

import dev.sextant.store.QueryRows;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An analysis as SQL statements for one engine, and the pure function that turns their rows (in
 * statement order) into the analysis's result record.
 *
 * @param statements read-only SELECTs, run in order
 * @param assembler builds the result from each statement's rows
 */
public record CompiledAnalysis<R>(List<String> statements, Function<List<QueryRows>, R> assembler) {

  public CompiledAnalysis {
    statements = List.copyOf(statements);
    Objects.requireNonNull(assembler, "assembler");
  }

  /** The result from the rows of {@link #statements}, in order. */
  public R assemble(List<QueryRows> rows) {
    if (rows.size() != statements.size()) {
      throw new IllegalArgumentException(
          "expected rows of " + statements.size() + " statements, got " + rows.size());
    }
    return assembler.apply(rows);
  }
}
