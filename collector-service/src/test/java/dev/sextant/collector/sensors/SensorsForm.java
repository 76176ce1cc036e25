package dev.sextant.collector.sensors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the forms the Sensors SDKs send: {@code aForm().dataList(json).gzipped().text()}. The
 * encodings follow {@code docs/sensors-protocol.md}.
 */
final class SensorsForm {

  private final Map<String, String> fields = new LinkedHashMap<>();
  private String field = "data_list";
  private byte[] payload = new byte[0];
  private boolean gzip;
  private String gzipFlag;
  private Base64.Encoder encoder = Base64.getEncoder();
  private boolean crc;

  static SensorsForm aForm() {
    return new SensorsForm();
  }

  SensorsForm dataList(String json) {
    field = "data_list";
    payload = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  SensorsForm data(String json) {
    field = "data";
    payload = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  SensorsForm payloadBytes(byte[] bytes) {
    payload = bytes.clone();
    return this;
  }

  /** Gzips the payload and says so with {@code gzip=1}, as the Java and Node SDKs do. */
  SensorsForm gzipped() {
    gzip = true;
    gzipFlag = "1";
    return this;
  }

  /** Gzips the payload without saying so. */
  SensorsForm gzippedSilently() {
    gzip = true;
    gzipFlag = null;
    return this;
  }

  SensorsForm gzipFlag(String flag) {
    gzipFlag = flag;
    return this;
  }

  SensorsForm urlSafeBase64() {
    encoder = Base64.getUrlEncoder();
    return this;
  }

  SensorsForm unpaddedBase64() {
    encoder = encoder.withoutPadding();
    return this;
  }

  /** Adds {@code ext=crc=<hash>} as the JavaScript SDK does. */
  SensorsForm withCrc() {
    crc = true;
    return this;
  }

  SensorsForm field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  /** The raw (base64) value of the payload field. */
  String encodedPayload() {
    return encoder.encodeToString(gzip ? gzip(payload) : payload);
  }

  /** The urlencoded form text. */
  String text() {
    Map<String, String> all = new LinkedHashMap<>();
    String encoded = encodedPayload();
    all.put(field, encoded);
    if (gzipFlag != null) {
      all.put("gzip", gzipFlag);
    }
    if (crc) {
      all.put("ext", "crc=" + encoded.hashCode());
    }
    all.putAll(fields);
    return all.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  FormFields fields() {
    return FormFields.parse(text());
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
