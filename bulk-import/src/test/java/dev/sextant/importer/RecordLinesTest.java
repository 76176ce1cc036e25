package dev.sextant.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordLinesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"type\":\"track\"}       | {\"type\":\"track\"}",
        "  {\"a\":1}               | {\"a\":1}",
        "[1,2]                     | [1,2]",
        "{\"a\":1} {\"b\":2}       | \"{\\\"a\\\":1} {\\\"b\\\":2}\"",
        "{\"a\":                   | \"{\\\"a\\\":\"",
        "not json at all           | \"not json at all\"",
      })
  void sendsAJsonLineAsItIsAndAnyOtherLineAsAString(String line, String record) {
    assertThat(RecordLines.recordOf(line)).isEqualTo(record);
  }

  @ParameterizedTest
  @CsvSource(value = {"''", "'   '", "'\t'"})
  void blankLinesHoldNoRecord(String line) {
    assertThat(RecordLines.isBlank(line)).isTrue();
  }
}
