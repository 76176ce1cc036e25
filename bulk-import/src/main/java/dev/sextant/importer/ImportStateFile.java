package dev.sextant.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an import's {@link ImportState} is kept between runs: a small JSON file, replaced
 * atomically so that a crash while writing leaves the previous state, never half of one.
 */
public final class ImportStateFile {

  private static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private final Path path;

  public ImportStateFile(Path path) {
    this.path = path;
  }

  /** The state file of {@code file}: beside it, or in {@code directory} when given. */
  public static ImportStateFile of(Path file, Path directory) {
    String name = file.getFileName() + ".import-state.json";
    return new ImportStateFile(
        directory == null ? file.resolveSibling(name) : directory.resolve(name));
  }

  public Path path() {
    return path;
  }

  public Optional<ImportState> read() {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(path.toFile(), ImportState.class));
  }

  public void write(ImportState state) {
    try {
      Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
      Files.write(temporary, JSON.writeValueAsBytes(state));
      try {
        Files.move(
            temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the import state " + path, e);
    }
  }
}
