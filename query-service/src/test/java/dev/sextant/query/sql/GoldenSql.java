package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of compiled SQL under {@code src/test/resources/golden}: a change to what a compiler
 * writes shows up in review as a diff of these files. Run with {@code -Dgolden.update=true} to
 * rewrite them after an intended change.
 */
final class GoldenSql {

  private static final Path DIRECTORY = Path.of("src/test/resources/golden");

  private GoldenSql() {}

  static void assertMatches(String name, SqlDialect dialect, String sql) {
    Path file = DIRECTORY.resolve(name + "." + dialect.name() + ".sql");
    String actual = sql.strip() + "\n";
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(DIRECTORY);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
      assertThat(actual)
          .as(
              "SQL of %s on %s (rewrite with -Dgolden.update=true if intended)",
              name, dialect.name())
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
