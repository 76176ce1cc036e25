package dev.sextant.collector.ingest;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits a payload into records: a JSON array of records or a single record. Decimals are read
 * exactly (as {@code BigDecimal}), never through {@code double}: amounts of money keep every digit
 * the sender wrote. The array is streamed, so the record count and each record's size are known
 * without serialising anything again; nesting depth and number length are capped by Jackson's
 * {@link StreamReadConstraints}, so a hostile payload fails fast instead of exhausting the stack or
 * the CPU.
 */
public final class RecordReader {

  private final IngestLimits limits;
  private final JsonMapper json;

  public RecordReader() {
    this(IngestLimits.DEFAULTS);
  }

  public RecordReader(IngestLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxNumberLength(limits.maxNumberLength())
            .maxDocumentLength(limits.maxDecompressedBytes())
            .build();
    this.json =
        JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Records are read one by one from a shared parser; read() checks the end itself.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
  }

  /**
   * The records of a UTF-8 JSON payload.
   *
   * @throws MalformedBodyException when the payload is not JSON, not UTF-8, or breaks a constraint
   * @throws TooManyRecordsException when it holds more records than a batch may
   */
  public List<ReceivedRecord> read(byte[] payload) {
    try (JsonParser parser = json.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MalformedBodyException("the body is empty");
      }
      List<ReceivedRecord> records =
          first == JsonToken.START_ARRAY
              ? readArray(parser)
              : List.of(sized(json.readTree(parser), payload.length));
      if (parser.nextToken() != null) {
        throw new MalformedBodyException("the body has content after its JSON value");
      }
      return records;
    } catch (JacksonException e) {
      throw new MalformedBodyException("the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private List<ReceivedRecord> readArray(JsonParser parser) {
    List<ReceivedRecord> records = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == null) {
        throw new MalformedBodyException("the body ends inside its array");
      }
      if (records.size() == limits.maxRecordsPerBatch()) {
        throw new TooManyRecordsException(limits.maxRecordsPerBatch());
      }
      long start = parser.currentTokenLocation().getByteOffset();
      JsonNode record = json.readTree(parser);
      long end = parser.currentLocation().getByteOffset();
      records.add(sized(record, end - start));
    }
    return records;
  }

  private ReceivedRecord sized(JsonNode record, long bytes) {
    return bytes > limits.maxRecordBytes()
        ? new ReceivedRecord.Oversized(record, bytes, limits.maxRecordBytes())
        : new ReceivedRecord.Readable(record);
  }
}
