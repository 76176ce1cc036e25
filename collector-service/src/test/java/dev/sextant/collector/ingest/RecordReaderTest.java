package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordReaderTest {

  private final RecordReader reader = new RecordReader();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsAnArrayAsItsRecordsInOrder() {
    assertThat(reader.read(utf8("[{\"n\":1},{\"n\":2},{\"n\":3}]")))
        .extracting(node -> node.get("n").asInt())
        .containsExactly(1, 2, 3);
  }

  @Test
  void readsASingleRecordAsAListOfOne() {
    assertThat(reader.read(utf8("{\"n\":1}"))).hasSize(1);
  }

  @Test
  void keepsEveryDigitOfADecimal() {
    BigDecimal amount =
        reader
            .read(utf8("{\"amount\":12345678901234567.89}"))
            .getFirst()
            .get("amount")
            .decimalValue();
    assertThat(amount).isEqualTo(new BigDecimal("12345678901234567.89"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{", "{\"a\":}", "not json", "[1,"})
  void refusesABodyThatIsNotJson(String body) {
    assertThatThrownBy(() -> reader.read(utf8(body)))
        .isInstanceOf(RecordReader.MalformedBodyException.class);
  }
}
