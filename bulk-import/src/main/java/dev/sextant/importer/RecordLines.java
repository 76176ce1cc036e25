package dev.sextant.importer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns lines of a JSON-lines file into records for the collector's native API. A line that is one
 * JSON value goes as it is; any other line goes as a JSON string, which the collector quarantines
 * as {@code MALFORMED_PAYLOAD} with the line's text kept, so a broken line is counted and visible
 * instead of breaking its whole batch.
 */
final class RecordLines {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private RecordLines() {}

  /** Whether a line holds no record at all (blank lines are skipped, not quarantined). */
  static boolean isBlank(String line) {
    return line.isBlank();
  }

  /** The record a non-blank line stands for, as JSON text. */
  static String recordOf(String line) {
    String trimmed = line.strip();
    try {
      JSON.readTree(trimmed);
      return trimmed;
    } catch (JacksonException notOneJsonValue) {
      return JSON.writeValueAsString(line);
    }
  }
}
