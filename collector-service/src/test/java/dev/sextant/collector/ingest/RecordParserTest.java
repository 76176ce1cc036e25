package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordParserTest {

  private final RecordReader reader = new RecordReader();
  private final RecordParser parser = new RecordParser();

  private RecordParser.Result parse(String record) {
    return parser.parse(reader.read(record.getBytes(StandardCharsets.UTF_8)).getFirst());
  }

  @Test
  void readsASensorsTrackRecord() {
    RecordParser.Result result =
        parse(
            """
            {"type":"track","event":"P2P_Invest","distinct_id":"u-1","time":1485878399123,
             "_track_id":-12345,
             "properties":{"amount":1000.50,"count":3,"coupon_used":true,"product_id":"产品-7",
                           "tags":["new","vip"]}}
            """);

    assertThat(result).isInstanceOf(RecordParser.Parsed.class);
    RecordParser.Parsed parsed = (RecordParser.Parsed) result;
    assertThat(parsed.event()).isEqualTo("P2P_Invest");
    assertThat(parsed.distinctId()).isEqualTo("u-1");
    assertThat(parsed.time()).isEqualTo(Instant.ofEpochMilli(1485878399123L));
    assertThat(parsed.trackId()).isEqualTo(-12345L);
    assertThat(parsed.properties())
        .containsEntry("amount", new BigDecimal("1000.50"))
        .containsEntry("count", 3L)
        .containsEntry("coupon_used", true)
        .containsEntry("product_id", "产品-7")
        .containsEntry("tags", List.of("new", "vip"));
  }

  @Test
  void propertiesAndTrackIdAreOptional() {
    RecordParser.Result result =
        parse("{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1}");

    assertThat(result)
        .isEqualTo(
            new RecordParser.Parsed("E", "u", Instant.ofEpochMilli(1), null, java.util.Map.of()));
  }

  static Stream<Arguments> malformedRecords() {
    return Stream.of(
        Arguments.of("[[]]", ""),
        Arguments.of("\"text\"", ""),
        Arguments.of("{\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1}", "type"),
        Arguments.of(
            "{\"type\":\"profile_set\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1}", "type"),
        Arguments.of("{\"type\":\"track\",\"distinct_id\":\"u\",\"time\":1}", "event"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"\",\"distinct_id\":\"u\",\"time\":1}", "event"),
        Arguments.of("{\"type\":\"track\",\"event\":\"E\",\"time\":1}", "distinct_id"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":7,\"time\":1}", "distinct_id"),
        Arguments.of("{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\"}", "time"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":\"1\"}", "time"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1.5}", "time"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"_track_id\":\"x\"}",
            "_track_id"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":[]}",
            "properties"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":null}}",
            "properties.a"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":{\"b\":1}}}",
            "properties.a"),
        Arguments.of(
            "{\"type\":\"track\",\"event\":\"E\",\"distinct_id\":\"u\",\"time\":1,\"properties\":{\"a\":[[1]]}}",
            "properties.a"));
  }

  @ParameterizedTest(name = "{0} is malformed at ''{1}''")
  @MethodSource("malformedRecords")
  void reportsWhereARecordIsMalformed(String record, String path) {
    RecordParser.Result result = parse(record);

    assertThat(result).isInstanceOf(RecordParser.Malformed.class);
    assertThat(((RecordParser.Malformed) result).reasons())
        .extracting(QuarantineReason::code, QuarantineReason::path)
        .contains(org.assertj.core.groups.Tuple.tuple(QuarantineCode.MALFORMED_PAYLOAD, path));
  }
}
