package dev.sextant.collector.sensors;

import static dev.sextant.collector.sensors.SensorsForm.aForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.collector.ingest.IngestLimits;
import dev.sextant.collector.ingest.PayloadTooLargeException;
import dev.sextant.collector.ingest.ReceivedRecord;
import dev.sextant.collector.ingest.TooManyRecordsException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SensorsPayloadDecoderTest {

  private static final String INVEST =
      "{\"type\":\"track\",\"event\":\"P2P_Invest\",\"distinct_id\":\"u-1\",\"time\":1764000000000,"
          + "\"properties\":{\"product_id\":\"稳盈-90天\",\"amount\":10000.5,\"note\":\"~~~???>>>\"}}";
  private static final String DEPOSIT =
      "{\"type\":\"track\",\"event\":\"forex_Deposit\",\"distinct_id\":\"u-2\",\"time\":1}";
  private static final String BATCH = "[" + INVEST + "," + DEPOSIT + "]";

  private final SensorsPayloadDecoder decoder = new SensorsPayloadDecoder(IngestLimits.DEFAULTS);

  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of("Java/Node SDK: data_list, gzip=1", aForm().dataList(BATCH).gzipped(), 2),
        Arguments.of(
            "Node SDK without gzip: data_list, gzip=0", aForm().dataList(BATCH).gzipFlag("0"), 2),
        Arguments.of("JS SDK batch_send: data_list, no gzip field", aForm().dataList(BATCH), 2),
        Arguments.of("JS SDK single: data, ext=crc=…", aForm().data(INVEST).withCrc(), 1),
        Arguments.of(
            "Android style: data_list, gzip=1, crc field",
            aForm()
                .dataList(BATCH)
                .gzipped()
                .field(
                    "crc",
                    String.valueOf(aForm().dataList(BATCH).gzipped().encodedPayload().hashCode())),
            2),
        Arguments.of("data holding an array", aForm().data(BATCH), 2),
        Arguments.of("data_list holding one object", aForm().dataList(INVEST), 1),
        Arguments.of("gzip without the flag", aForm().dataList(BATCH).gzippedSilently(), 2),
        Arguments.of("URL-safe base64", aForm().data(INVEST).urlSafeBase64(), 1),
        Arguments.of("base64 without padding", aForm().data(DEPOSIT).unpaddedBase64(), 1),
        Arguments.of(
            "URL-safe, unpadded, gzipped",
            aForm().dataList(BATCH).gzipped().urlSafeBase64().unpaddedBase64(),
            2),
        Arguments.of("an empty crc is no crc", aForm().data(INVEST).field("ext", "crc="), 1),
        Arguments.of("an empty array", aForm().dataList("[]"), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void decodesEveryEncodingTheSdksUse(String name, SensorsForm form, int records) {
    assertThat(decoder.decode(form.fields()))
        .isInstanceOfSatisfying(
            SensorsPayloadDecoder.Records.class,
            decoded -> assertThat(decoded.records()).hasSize(records));
  }

  @Test
  void keepsTheRecordsInOrderWithEveryDigitAndCharacter() {
    SensorsPayloadDecoder.Records decoded =
        (SensorsPayloadDecoder.Records) decoder.decode(aForm().dataList(BATCH).gzipped().fields());

    assertThat(decoded.records())
        .extracting(r -> r.json().get("event").asString())
        .containsExactly("P2P_Invest", "forex_Deposit");
    assertThat(decoded.records().getFirst().json().get("properties").get("product_id").asString())
        .isEqualTo("稳盈-90天");
    assertThat(decoded.records().getFirst().json().get("properties").get("amount").decimalValue())
        .isEqualTo("10000.5");
  }

  @Test
  void readsAPlusThatFormDecodingTurnedIntoASpace() {
    String base64 = aForm().data(INVEST).encodedPayload();
    assertThat(base64).contains("+");

    // The value sent without percent-encoding: the form decoder reads each '+' as a space.
    FormFields fields = FormFields.parse("data=" + base64 + "&ext=crc%3D" + base64.hashCode());

    assertThat(decoder.decode(fields)).isInstanceOf(SensorsPayloadDecoder.Records.class);
  }

  @Test
  void readsMimeBase64WithLineBreaks() {
    String json = "[" + String.join(",", Collections.nCopies(20, INVEST)) + "]";
    String mime = Base64.getMimeEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    assertThat(mime).contains("\r\n");

    FormFields fields =
        FormFields.parse("data_list=" + URLEncoder.encode(mime, StandardCharsets.UTF_8));

    assertThat(decoder.decode(fields))
        .isInstanceOfSatisfying(
            SensorsPayloadDecoder.Records.class, r -> assertThat(r.records()).hasSize(20));
  }

  static Stream<Arguments> badPayloads() {
    byte[] invalidUtf8 = "[{\"event\":\"\u00ff\"}]".getBytes(StandardCharsets.ISO_8859_1);
    byte[] gzipped = SensorsForm.gzip(BATCH.getBytes(StandardCharsets.UTF_8));
    return Stream.of(
        Arguments.of("bad base64", "data_list=%21%21not*base64%21%21", "base64"),
        Arguments.of("base64 of text that is not JSON", form("data", "not json"), "JSON"),
        Arguments.of(
            "gzip=1 but not gzip", aForm().dataList(BATCH).gzipFlag("1").text(), "not valid gzip"),
        Arguments.of(
            "truncated gzip",
            "data_list="
                + Base64.getEncoder().encodeToString(Arrays.copyOf(gzipped, gzipped.length / 2))
                + "&gzip=1",
            "gzip"),
        Arguments.of(
            "invalid UTF-8 in the JSON",
            "data_list=" + Base64.getEncoder().encodeToString(invalidUtf8),
            "UTF-8"),
        Arguments.of(
            "crc that does not match",
            aForm().data(INVEST).field("ext", "crc=12345").text(),
            "crc does not match"),
        Arguments.of(
            "crc that is not a number",
            aForm().data(INVEST).field("crc", "abc").text(),
            "not a 32-bit integer"),
        Arguments.of("encrypted (gzip=9)", "data=%7B%22payload%22%3A1%7D&gzip=9", "encrypted"),
        Arguments.of("unknown gzip value", aForm().dataList(BATCH).gzipFlag("2").text(), "gzip"),
        Arguments.of("neither data nor data_list", "project=demo", "neither"),
        Arguments.of("empty data", "data=", "empty"),
        Arguments.of("JSON nested deeper than 16", form("data", nested(40)), "nesting depth"),
        Arguments.of(
            "a number of 100 digits", form("data", "{\"n\":" + "9".repeat(100) + "}"), "Number"),
        Arguments.of("content after the JSON", form("data", BATCH + " {}"), "after"),
        Arguments.of("a truncated array", form("data_list", "[" + INVEST + ","), "JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayloads")
  void keepsAnUndecodablePayloadAsReceivedAndSaysWhy(String name, String form, String reason) {
    FormFields fields = FormFields.parse(form);
    String raw = fields.get("data_list").or(() -> fields.get("data")).orElse("");

    assertThat(decoder.decode(fields))
        .isInstanceOfSatisfying(
            SensorsPayloadDecoder.Undecodable.class,
            undecodable -> {
              assertThat(undecodable.payload()).isEqualTo(raw);
              assertThat(undecodable.reason()).containsIgnoringCase(reason);
            });
  }

  @Test
  void stopsAGzipBombAtTheDecompressedLimit() {
    byte[] bomb = SensorsForm.gzip(new byte[100 << 20]);
    assertThat(bomb.length).isLessThan(200 << 10);

    FormFields fields =
        FormFields.parse("gzip=1&data_list=" + Base64.getUrlEncoder().encodeToString(bomb));

    assertThatThrownBy(() -> decoder.decode(fields))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("decompressed");
  }

  @Test
  void refusesMoreRecordsThanABatchMayHave() {
    SensorsPayloadDecoder strict = new SensorsPayloadDecoder(limits(3, 1 << 20));
    String four = "[" + String.join(",", List.of(DEPOSIT, DEPOSIT, DEPOSIT, DEPOSIT)) + "]";

    assertThatThrownBy(() -> strict.decode(aForm().dataList(four).gzipped().fields()))
        .isInstanceOf(TooManyRecordsException.class);
  }

  @Test
  void marksARecordLargerThanTheRecordLimit() {
    SensorsPayloadDecoder strict = new SensorsPayloadDecoder(limits(100, 150));

    SensorsPayloadDecoder.Records decoded =
        (SensorsPayloadDecoder.Records) strict.decode(aForm().dataList(BATCH).fields());

    assertThat(decoded.records().get(0)).isInstanceOf(ReceivedRecord.Oversized.class);
    assertThat(decoded.records().get(1)).isInstanceOf(ReceivedRecord.Readable.class);
  }

  private static IngestLimits limits(int records, long recordBytes) {
    IngestLimits d = IngestLimits.DEFAULTS;
    return new IngestLimits(
        d.maxBodyBytes(),
        d.maxDecompressedBytes(),
        records,
        recordBytes,
        d.maxNestingDepth(),
        d.maxNumberLength());
  }

  private static String form(String field, String json) {
    return field
        + "="
        + URLEncoder.encode(
            Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
  }

  private static String nested(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }
}
