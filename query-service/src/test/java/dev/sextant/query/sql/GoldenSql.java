package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated SQL with a reviewed copy under {@code src/test/resources/.../golden}, so every
 * change to the SQL an analysis compiles to shows up in review as a diff of that file. Run with
 * {@code -Dgolden.update=true} to rewrite the files after an intended change, then read the diff.
 */
final class GoldenSql {

  private static final Path DIRECTORY = Path.of("src/test/resources/dev/sextant/query/sql/golden");

  private GoldenSql() {}

  static void assertMatches(String name, String sql) {
    Path file = DIRECTORY.resolve(name + ".sql");
    String readable = readable(sql);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(file, readable, StandardCharsets.UTF_8);
      }
      assertThat(file).as("golden file %s (-Dgolden.update=true writes it)", file).exists();
      assertThat(readable)
          .as("SQL of %s; if the change is intended, rerun with -Dgolden.update=true", name)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One clause per line: a diff then points at the clause that changed. */
  static String readable(String sql) {
    return sql.replace(" FROM ", "\nFROM ")
            .replace(" WHERE ", "\nWHERE ")
            .replace(" GROUP BY ", "\nGROUP BY ")
            .replace(" HAVING ", "\nHAVING ")
        + "\n";
  }
}
