package dev.sextant.event.json;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON form of events and quarantined records, used on Kafka topics and in stores that keep
 * properties as JSON text. Times are epoch milliseconds so that no time zone is involved.
 */
public final class EventJson {

  private static final TypeReference<LinkedHashMap<String, Object>> PROPERTIES =
      new TypeReference<>() {};

  /**
   * Integers read as {@code Long} and decimals as {@code BigDecimal}, the same values the collector
   * decodes, so that an event read back equals the event written (and money keeps its digits).
   */
  private final JsonMapper mapper =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .build();

  /**
   * For trees: without {@code USE_LONG_FOR_INTS}, which makes {@code readTree} refuse an integer
   * beyond {@code long} (a 38-digit amount); {@link JsonPropertyValues#decode} makes such a number
   * a {@code BigDecimal} and others a {@code Long} anyway.
   */
  private final JsonMapper trees =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  public String writeProperties(Map<String, Object> properties) {
    return mapper.writeValueAsString(properties);
  }

  public Map<String, Object> readProperties(String json) {
    return mapper.readValue(json, PROPERTIES);
  }

  /**
   * Properties as {@link #writeProperties} wrote them, each value decoded as a collected one
   * ({@link JsonPropertyValues#decode}): integers beyond {@code long} and decimals as {@code
   * BigDecimal}.
   */
  public Map<String, Object> readPropertyValues(String json) {
    return properties(trees.readTree(json));
  }

  /**
   * The event as JSON, streamed with one generator: building a tree first (and converting the
   * properties to one) was the largest cost of publishing an event in the collector's profile. The
   * output is the same text the tree gave, field for field.
   */
  public String writeEvent(TrackedEvent event) {
    StringWriter out = new StringWriter(estimatedSize(event.properties()));
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      writeEvent(generator, event);
    }
    return out.toString();
  }

  /**
   * {@link #writeEvent(TrackedEvent)} as UTF-8, written as bytes directly: what goes on a Kafka
   * topic, without a {@code String} in between to encode again.
   */
  public byte[] writeEventUtf8(TrackedEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimatedSize(event.properties()));
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      writeEvent(generator, event);
    }
    return out.toByteArray();
  }

  private static void writeEvent(JsonGenerator generator, TrackedEvent event) {
    generator.writeStartObject();
    generator.writeStringProperty("project", event.project());
    generator.writeStringProperty("event", event.event());
    generator.writeStringProperty("distinct_id", event.distinctId());
    generator.writeNumberProperty("time", event.time().toEpochMilli());
    generator.writeStringProperty("insert_id", event.insertId());
    if (event.trackId() != null) {
      generator.writeNumberProperty("_track_id", event.trackId());
    }
    generator.writeName("properties");
    writePropertyMap(generator, event.properties());
    generator.writeNumberProperty("received_at", event.receivedAt().toEpochMilli());
    if (event.originalId() != null) {
      generator.writeStringProperty("original_id", event.originalId());
    }
    generator.writeEndObject();
  }

  /** Room for the fixed fields and a typical property, so that the buffer rarely grows. */
  private static int estimatedSize(Map<String, Object> properties) {
    return 256 + 48 * properties.size();
  }

  private static void writePropertyMap(JsonGenerator generator, Map<String, Object> properties) {
    generator.writeStartObject();
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      generator.writeName(property.getKey());
      writeValue(generator, property.getValue());
    }
    generator.writeEndObject();
  }

  /**
   * A property value: the types the collector decodes are written directly; anything else (a
   * caller's {@code Double}, say) goes through the mapper, as it did when the map was converted.
   */
  private static void writeValue(JsonGenerator generator, Object value) {
    switch (value) {
      case String text -> generator.writeString(text);
      case Long number -> generator.writeNumber(number);
      case Integer number -> generator.writeNumber(number);
      case BigDecimal number -> generator.writeNumber(number);
      case Boolean bool -> generator.writeBoolean(bool);
      case List<?> list -> {
        generator.writeStartArray();
        for (Object element : list) {
          writeValue(generator, element);
        }
        generator.writeEndArray();
      }
      case null -> generator.writeNull();
      default -> generator.writePOJO(value);
    }
  }

  /**
   * The properties of an event read back, decoded from the tree directly (the sink reads every
   * event through here; {@code convertValue} cost a second pass over each).
   */
  private static Map<String, Object> properties(JsonNode node) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      Object value = JsonPropertyValues.decode(property.getValue());
      if (value == null) {
        throw new IllegalArgumentException(
            "property " + property.getKey() + " is not a string, number, boolean or list of them");
      }
      properties.put(property.getKey(), value);
    }
    return properties;
  }

  /**
   * The event {@link #writeEvent} wrote, read with one streaming parser rather than through a tree:
   * building the tree was the largest cost of the sink, which reads every event (the sink
   * benchmark's profile). Values decode as {@link JsonPropertyValues#decode} decodes them from a
   * tree (the same events, {@code EventJsonTest}); fields may come in any order, unknown ones are
   * skipped.
   *
   * @throws IllegalArgumentException if the text is JSON but not such an event (Jackson's own
   *     exception if it is no JSON)
   */
  public TrackedEvent readEvent(String json) {
    try (JsonParser parser = trees.createParser(json)) {
      expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
      String project = null;
      String event = null;
      String distinctId = null;
      Long time = null;
      String insertId = null;
      Long trackId = null;
      Map<String, Object> properties = null;
      Long receivedAt = null;
      String originalId = null;
      for (String name = parser.nextName(); name != null; name = parser.nextName()) {
        JsonToken value = parser.nextToken();
        switch (name) {
          case "project" -> project = text(parser, value);
          case "event" -> event = text(parser, value);
          case "distinct_id" -> distinctId = text(parser, value);
          case "time" -> time = whole(parser, value);
          case "insert_id" -> insertId = text(parser, value);
          case "_track_id" -> trackId = value == JsonToken.VALUE_NULL ? null : whole(parser, value);
          case "properties" -> properties = properties(parser, value);
          case "received_at" -> receivedAt = whole(parser, value);
          case "original_id" ->
              originalId = value == JsonToken.VALUE_NULL ? null : text(parser, value);
          default -> parser.skipChildren();
        }
      }
      return new TrackedEvent(
          required(project, "project"),
          required(event, "event"),
          required(distinctId, "distinct_id"),
          Instant.ofEpochMilli(required(time, "time")),
          required(insertId, "insert_id"),
          trackId,
          required(properties, "properties"),
          Instant.ofEpochMilli(required(receivedAt, "received_at")),
          originalId);
    }
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("an event needs " + field);
    }
    return value;
  }

  private static void expect(JsonParser parser, JsonToken found, JsonToken expected) {
    if (found != expected) {
      throw new IllegalArgumentException(
          "expected " + expected + " but found " + found + " at " + parser.currentLocation());
    }
  }

  private static String text(JsonParser parser, JsonToken token) {
    expect(parser, token, JsonToken.VALUE_STRING);
    return parser.getString();
  }

  private static long whole(JsonParser parser, JsonToken token) {
    expect(parser, token, JsonToken.VALUE_NUMBER_INT);
    return parser.getLongValue();
  }

  private static Map<String, Object> properties(JsonParser parser, JsonToken token) {
    expect(parser, token, JsonToken.START_OBJECT);
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      JsonToken value = parser.nextToken();
      Object decoded = value == JsonToken.START_ARRAY ? list(parser) : scalar(parser, value);
      if (decoded == null) {
        throw new IllegalArgumentException(
            "property " + name + " is not a string, number, boolean or list of them");
      }
      properties.put(name, decoded);
    }
    return properties;
  }

  /** As {@link JsonPropertyValues#decode} of a list: null if it holds anything but values. */
  private static List<Object> list(JsonParser parser) {
    List<Object> values = new ArrayList<>();
    boolean valid = true;
    for (JsonToken element = parser.nextToken();
        element != JsonToken.END_ARRAY;
        element = parser.nextToken()) {
      Object value = scalar(parser, element);
      if (value == null) {
        valid = false;
        parser.skipChildren();
      } else {
        values.add(value);
      }
    }
    return valid ? values : null;
  }

  /** As {@link JsonPropertyValues#decode} of a value that is no list: null for anything else. */
  private static Object scalar(JsonParser parser, JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> parser.getString();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NUMBER_INT ->
          parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? parser.getDecimalValue()
              : (Object) parser.getLongValue();
      // Keep the decimal as sent: amounts of money must not pick up binary rounding.
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      default -> null;
    };
  }

  /**
   * A profile update in the events' form: {@code operation} is the {@link ProfileOperation} name,
   * times are epoch milliseconds.
   */
  public String writeProfileUpdate(ProfileUpdate update) {
    StringWriter out = new StringWriter(estimatedSize(update.properties()));
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      writeProfileUpdate(generator, update);
    }
    return out.toString();
  }

  /** {@link #writeProfileUpdate(ProfileUpdate)} as UTF-8, written as bytes directly. */
  public byte[] writeProfileUpdateUtf8(ProfileUpdate update) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimatedSize(update.properties()));
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      writeProfileUpdate(generator, update);
    }
    return out.toByteArray();
  }

  private static void writeProfileUpdate(JsonGenerator generator, ProfileUpdate update) {
    generator.writeStartObject();
    generator.writeStringProperty("project", update.project());
    generator.writeStringProperty("distinct_id", update.distinctId());
    generator.writeStringProperty("operation", update.operation().name());
    generator.writeNumberProperty("time", update.time().toEpochMilli());
    generator.writeStringProperty("insert_id", update.insertId());
    generator.writeName("properties");
    writePropertyMap(generator, update.properties());
    generator.writeNumberProperty("received_at", update.receivedAt().toEpochMilli());
    generator.writeEndObject();
  }

  public ProfileUpdate readProfileUpdate(String json) {
    JsonNode node = trees.readTree(json);
    return new ProfileUpdate(
        node.required("project").asString(),
        node.required("distinct_id").asString(),
        ProfileOperation.valueOf(node.required("operation").asString()),
        properties(node.required("properties")),
        Instant.ofEpochMilli(node.required("time").asLong()),
        node.required("insert_id").asString(),
        Instant.ofEpochMilli(node.required("received_at").asLong()));
  }

  /**
   * An item update in the events' form: {@code operation} is the {@link ItemOperation} name, times
   * are epoch milliseconds.
   */
  public String writeItemUpdate(ItemUpdate update) {
    ObjectNode node = mapper.createObjectNode();
    node.put("project", update.project());
    node.put("item_type", update.itemType());
    node.put("item_id", update.itemId());
    node.put("operation", update.operation().name());
    node.put("time", update.time().toEpochMilli());
    node.put("insert_id", update.insertId());
    node.set("properties", mapper.valueToTree(update.properties()));
    node.put("received_at", update.receivedAt().toEpochMilli());
    return mapper.writeValueAsString(node);
  }

  public ItemUpdate readItemUpdate(String json) {
    JsonNode node = trees.readTree(json);
    return new ItemUpdate(
        node.required("project").asString(),
        node.required("item_type").asString(),
        node.required("item_id").asString(),
        ItemOperation.valueOf(node.required("operation").asString()),
        properties(node.required("properties")),
        Instant.ofEpochMilli(node.required("time").asLong()),
        node.required("insert_id").asString(),
        Instant.ofEpochMilli(node.required("received_at").asLong()));
  }

  public String writeQuarantined(QuarantinedRecord record) {
    ObjectNode node = mapper.createObjectNode();
    node.put("project", record.project());
    node.put("quarantine_id", record.quarantineId());
    node.put("received_at", record.receivedAt().toEpochMilli());
    node.put("reasons", writeReasons(record.reasons()));
    node.put("payload", record.payload());
    return mapper.writeValueAsString(node);
  }

  public QuarantinedRecord readQuarantined(String json) {
    JsonNode node = mapper.readTree(json);
    return new QuarantinedRecord(
        node.required("project").asString(),
        node.required("quarantine_id").asString(),
        Instant.ofEpochMilli(node.required("received_at").asLong()),
        readReasons(node.required("reasons").asString()),
        node.required("payload").asString());
  }

  /** The reasons as a JSON array text, the form in which stores keep them. */
  public String writeReasons(List<QuarantineReason> reasons) {
    List<Map<String, String>> list = new ArrayList<>();
    for (QuarantineReason reason : reasons) {
      list.add(
          Map.of("code", reason.code().name(), "path", reason.path(), "message", reason.message()));
    }
    return mapper.writeValueAsString(list);
  }

  public List<QuarantineReason> readReasons(String json) {
    List<QuarantineReason> reasons = new ArrayList<>();
    for (JsonNode node : mapper.readTree(json)) {
      reasons.add(
          new QuarantineReason(
              QuarantineCode.valueOf(node.required("code").asString()),
              node.required("path").asString(),
              node.required("message").asString()));
    }
    return reasons;
  }
}
