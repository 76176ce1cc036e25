package dev.sextant.importer;

import java.util.Map;

/**
 * How far the import of one file has come: written after every batch the collector acknowledged, so
 * an interrupted import resumes after the last acknowledged line instead of from the start.
 *
 * @param file the file's name, as given
 * @param fileSize its size in bytes when the import began: a resumed import refuses a file that
 *     changed meanwhile, whose line numbers would no longer mean the same records
 * @param linesDone lines read and acknowledged (blank lines included)
 * @param accepted records the collector stored
 * @param duplicates records it had already stored (a batch resent after an interruption)
 * @param quarantined records it quarantined, by first reason code
 * @param finished whether the whole file was imported
 */
public record ImportState(
    String file,
    long fileSize,
    long linesDone,
    long accepted,
    long duplicates,
    Map<String, Long> quarantined,
    boolean finished) {

  public ImportState {
    quarantined = quarantined == null ? Map.of() : Map.copyOf(quarantined);
  }

  /** Nothing done yet. */
  public static ImportState start(String file, long fileSize) {
    return new ImportState(file, fileSize, 0, 0, 0, Map.of(), false);
  }

  /** After the collector answered a batch that took {@code lines} lines of the file. */
  public ImportState after(BatchOutcome outcome, long lines) {
    return new ImportState(
        file,
        fileSize,
        linesDone + lines,
        accepted + outcome.accepted(),
        duplicates + outcome.duplicates(),
        BatchOutcome.merge(quarantined, outcome.quarantined()),
        false);
  }

  /** After the last line; {@code lines} blank lines at the end that made no batch. */
  public ImportState finishedAfter(long lines) {
    return new ImportState(
        file, fileSize, linesDone + lines, accepted, duplicates, quarantined, true);
  }

  /** Records the collector answered for, in all. */
  public long records() {
    return accepted + duplicates + quarantinedRecords();
  }

  public long quarantinedRecords() {
    return quarantined.values().stream().mapToLong(Long::longValue).sum();
  }
}
