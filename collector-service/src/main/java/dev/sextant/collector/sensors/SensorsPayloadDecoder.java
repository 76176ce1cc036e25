package dev.sextant.collector.sensors;

import dev.sextant.collector.ingest.BoundedReads;
import dev.sextant.collector.ingest.IngestLimits;
import dev.sextant.collector.ingest.MalformedBodyException;
import dev.sextant.collector.ingest.PayloadTooLargeException;
import dev.sextant.collector.ingest.ReceivedRecord;
import dev.sextant.collector.ingest.RecordReader;
import dev.sextant.collector.ingest.TooManyRecordsException;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the fields the Sensors SDKs send into records, as {@code docs/sensors-protocol.md}
 * describes: {@code data_list} (a JSON array) or {@code data} (one record or an array), base64 of
 * UTF-8 JSON, gzipped first when {@code gzip=1}, with an optional {@code crc} (directly or inside
 * {@code ext=crc=…}). Pure: no HTTP, no clock, no I/O.
 */
public final class SensorsPayloadDecoder {

  /** The outcome for one request's fields. */
  public sealed interface Decoded {}

  /** The payload's records, in order. */
  public record Records(List<ReceivedRecord> records) implements Decoded {
    public Records {
      records = List.copyOf(records);
    }
  }

  /**
   * A payload that cannot be read: the raw field as received, to be quarantined as one record.
   *
   * @param payload the raw value of {@code data_list} or {@code data}, still base64
   * @param reason what is wrong, for people
   */
  public record Undecodable(String payload, String reason) implements Decoded {}

  private final IngestLimits limits;
  private final RecordReader reader;

  public SensorsPayloadDecoder(IngestLimits limits) {
    this.limits = limits;
    this.reader = new RecordReader(limits);
  }

  /**
   * The records of a request.
   *
   * @throws PayloadTooLargeException when the payload decompresses to more than the limit
   * @throws TooManyRecordsException when it holds more records than a batch may
   */
  public Decoded decode(FormFields fields) {
    Optional<String> dataList = fields.get("data_list");
    String field = dataList.isPresent() ? "data_list" : "data";
    String raw = dataList.or(() -> fields.get("data")).orElse(null);
    if (raw == null) {
      return new Undecodable("", "the request has neither a 'data_list' nor a 'data' field");
    }
    try {
      return new Records(reader.read(payloadBytes(fields, raw)));
    } catch (MalformedBodyException e) {
      return new Undecodable(raw, "'" + field + "': " + e.getMessage());
    }
  }

  private byte[] payloadBytes(FormFields fields, String raw) {
    String gzip = fields.get("gzip").map(String::strip).orElse("");
    if (gzip.equals("9")) {
      // The encryption plugins (aes-, sm-encryption) mark their envelope with gzip=9.
      throw new MalformedBodyException(
          "encrypted payloads (gzip=9) are not supported: turn off the SDK's encryption plugin");
    }
    String base64 = Base64Text.normalise(raw);
    verifyCrc(fields, base64);
    byte[] bytes = Base64Text.decode(base64);
    return switch (gzip) {
      case "1" -> BoundedReads.gunzipAtMost(bytes, limits.maxDecompressedBytes());
      // JSON never starts with the gzip magic number, so a gzipped payload without the flag is
      // still read correctly.
      case "", "0" ->
          BoundedReads.looksGzipped(bytes)
              ? BoundedReads.gunzipAtMost(bytes, limits.maxDecompressedBytes())
              : bytes;
      default -> throw new MalformedBodyException("'gzip' must be 0 or 1, not '" + gzip + "'");
    };
  }

  private static void verifyCrc(FormFields fields, String base64) {
    Optional<String> sent =
        fields
            .get("crc")
            .or(() -> fields.get("ext").flatMap(ext -> FormFields.parse(ext).get("crc")))
            .map(String::strip)
            .filter(crc -> !crc.isEmpty());
    if (sent.isEmpty()) {
      return;
    }
    int expected;
    try {
      expected = Integer.parseInt(sent.get());
    } catch (NumberFormatException e) {
      throw new MalformedBodyException("the crc '" + sent.get() + "' is not a 32-bit integer");
    }
    int actual = SensorsCrc.of(base64);
    if (actual != expected) {
      throw new MalformedBodyException(
          "the crc does not match: sent " + expected + ", the payload hashes to " + actual);
    }
  }
}
