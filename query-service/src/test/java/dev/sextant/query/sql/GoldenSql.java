package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compiled SQL pinned in {@code src/test/resources/golden/sql}: a change to a compiler shows up as
 * a reviewable diff of the statements it emits. After an intended change, rewrite the files with
 * {@code -Dgolden.update=true} and review the diff before committing it.
 */
final class GoldenSql {

  private static final Path DIRECTORY = Path.of("src/test/resources/golden/sql");

  private GoldenSql() {}

  /** The statements, one per line, must equal the file {@code <name>.<dialect>.sql}. */
  static void assertMatches(String name, SqlDialect dialect, List<String> statements) {
    Path file = DIRECTORY.resolve(name + "." + dialect.name() + ".sql");
    String actual = String.join(";\n", statements) + ";\n";
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(file).as("golden file %s (rewrite with -Dgolden.update=true)", file).exists();
      assertThat(actual)
          .as("SQL of %s on %s, against %s", name, dialect.name(), file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
