package dev.sextant.importer;

import java.util.Optional;

/** Where the import of a file starts, given what an earlier run left. */
final class Resumption {

  private Resumption() {}

  /**
   * @param saved the state an earlier run wrote, if any
   * @param restart whether to ignore it and start again from the first line
   * @throws ImportFailedException when the file's size changed since the saved state: its lines no
   *     longer mean what was counted
   */
  static ImportState startingPoint(
      Optional<ImportState> saved, String file, long size, boolean restart) {
    if (restart || saved.isEmpty()) {
      return ImportState.start(file, size);
    }
    ImportState state = saved.get();
    if (state.fileSize() != size) {
      throw new ImportFailedException(
          file
              + " is "
              + size
              + " bytes but was "
              + state.fileSize()
              + " when its import began; run again with --restart to import it from the start");
    }
    return state;
  }
}
