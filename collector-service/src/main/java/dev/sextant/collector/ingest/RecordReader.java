package dev.sextant.collector.ingest;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits a request body into records: a JSON array of records or a single record. Decimals are read
 * exactly (as {@code BigDecimal}), never through {@code double}: amounts of money keep every digit
 * the sender wrote.
 */
public final class RecordReader {

  private final JsonMapper json =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /**
   * The records of a body.
   *
   * @throws MalformedBodyException when the body is not JSON at all
   */
  public List<JsonNode> read(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedBodyException("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new MalformedBodyException("the body is empty");
    }
    List<JsonNode> records = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(records::add);
    } else {
      records.add(root);
    }
    return records;
  }

  /** A body that cannot be split into records. */
  public static final class MalformedBodyException extends RuntimeException {
    public MalformedBodyException(String message) {
      super(message);
    }
  }
}
