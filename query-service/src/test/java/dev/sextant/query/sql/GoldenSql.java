package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compiled SQL pinned in {@code src/test/resources/golden/sql}, one clause per line: a change to a
 * compiler shows up in review as a diff of the statements it emits. After an intended change,
 * rewrite the files with {@code -Dgolden.update=true} and review the diff before committing it.
 */
final class GoldenSql {

  private static final Path DIRECTORY = Path.of("src/test/resources/golden/sql");

  private GoldenSql() {}

  /** The statements must equal the file {@code <name>.<dialect>.sql}. */
  static void assertMatches(String name, SqlDialect dialect, List<String> statements) {
    assertFile(name + "." + dialect.name() + ".sql", String.join(";\n", statements) + ";");
  }

  /** One statement must equal the file {@code <name>.sql}. */
  static void assertMatches(String name, String sql) {
    assertFile(name + ".sql", sql);
  }

  private static void assertFile(String fileName, String sql) {
    Path file = DIRECTORY.resolve(fileName);
    String actual = readable(sql);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(DIRECTORY);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(file).as("golden file %s (rewrite with -Dgolden.update=true)", file).exists();
      assertThat(actual)
          .as("SQL in %s; if the change is intended, rerun with -Dgolden.update=true", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One clause per line: a diff then points at the clause that changed. */
  static String readable(String sql) {
    return sql.strip()
            .replace(" FROM ", "\nFROM ")
            .replace(" WHERE ", "\nWHERE ")
            .replace(" GROUP BY ", "\nGROUP BY ")
            .replace(" HAVING ", "\nHAVING ")
        + "\n";
  }
}
