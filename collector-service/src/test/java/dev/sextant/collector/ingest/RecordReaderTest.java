package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class RecordReaderTest {

  private final RecordReader reader = new RecordReader();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<JsonNode> read(String body) {
    return reader.read(utf8(body)).stream().map(ReceivedRecord::json).toList();
  }

  @Test
  void readsAnArrayAsItsRecordsInOrder() {
    assertThat(read("[{\"n\":1},{\"n\":2},{\"n\":3}]"))
        .extracting(node -> node.get("n").asInt())
        .containsExactly(1, 2, 3);
  }

  @Test
  void readsASingleRecordAsAListOfOne() {
    assertThat(read("{\"n\":1}")).hasSize(1);
  }

  @Test
  void readsAnEmptyArrayAsNoRecords() {
    assertThat(read(" [ ] ")).isEmpty();
  }

  @Test
  void keepsEveryDigitOfADecimal() {
    BigDecimal amount =
        read("{\"amount\":12345678901234567.89}").getFirst().get("amount").decimalValue();
    assertThat(amount).isEqualTo(new BigDecimal("12345678901234567.89"));
  }

  @Test
  void keepsNamesWithQuotesAndSqlAsPlainText() {
    JsonNode record = read("{\"event\":\"x'); DROP TABLE events; --\",\"\\\"q\\\"\":1}").getFirst();

    assertThat(record.get("event").asString()).isEqualTo("x'); DROP TABLE events; --");
    assertThat(record.get("\"q\"").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{", "{\"a\":}", "not json", "[1,", "[{}] x", "{}{}", "[{}"})
  void refusesABodyThatIsNotJson(String body) {
    assertThatThrownBy(() -> reader.read(utf8(body))).isInstanceOf(MalformedBodyException.class);
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] latin1 = "[{\"city\":\"M\u00fcnchen\"}]".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader.read(latin1))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);

    assertThatThrownBy(() -> reader.read(utf8(deep)))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageContaining("nesting depth");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "-1.5", "1e308", "123456789012345678901234567890"})
  void readsNumbersWithinTheLengthLimit(String number) {
    assertThat(read("{\"n\":" + number + "}")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.", "-0."})
  void refusesNumbersLongerThanTheLimit(String start) {
    String huge = start + "1".repeat(100);

    assertThatThrownBy(() -> reader.read(utf8("{\"n\":" + huge + "}")))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageContaining("Number");
  }

  @Test
  void stopsCountingAtTheBatchLimit() {
    RecordReader three = new RecordReader(limits(3, 1 << 20));

    assertThat(three.read(utf8("[{},{},{}]"))).hasSize(3);
    assertThatThrownBy(() -> three.read(utf8("[{},{},{},{}]")))
        .isInstanceOf(TooManyRecordsException.class)
        .hasMessageContaining("at most 3 records");
  }

  @Test
  void marksEachRecordLargerThanTheLimitWithItsSize() {
    RecordReader small = new RecordReader(limits(100, 20));
    String big = "{\"text\":\"" + "x".repeat(30) + "\"}";

    List<ReceivedRecord> records = small.read(utf8("[{\"a\":1}, " + big + "]"));

    assertThat(records.get(0)).isInstanceOf(ReceivedRecord.Readable.class);
    assertThat(records.get(1))
        .isEqualTo(new ReceivedRecord.Oversized(records.get(1).json(), big.length(), 20));
  }

  @Test
  void measuresASingleRecordByTheWholeBody() {
    RecordReader small = new RecordReader(limits(100, 20));

    assertThat(small.read(utf8("{\"text\":\"" + "x".repeat(30) + "\"}")).getFirst())
        .isInstanceOf(ReceivedRecord.Oversized.class);
  }

  @Test
  void readsTenThousandRecords() {
    String batch = "[" + String.join(",", Collections.nCopies(10_000, "{\"n\":1}")) + "]";

    assertThat(reader.read(utf8(batch))).hasSize(10_000);
  }

  static IngestLimits limits(int records, long recordBytes) {
    IngestLimits d = IngestLimits.DEFAULTS;
    return new IngestLimits(
        d.maxBodyBytes(),
        d.maxDecompressedBytes(),
        records,
        recordBytes,
        d.maxNestingDepth(),
        d.maxNumberLength());
  }
}
