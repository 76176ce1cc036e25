package dev.sextant.collector.ingest;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.json.JsonPropertyValues;
import dev.sextant.event.profile.ProfileOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads one record in the Sensors record shape ({@code type}, {@code event}, {@code distinct_id},
 * {@code time}, {@code properties}, {@code _track_id}) into plain values, or says what is wrong. A
 * {@code track_signup} is an event too ({@code $SignUp} under the login id) that also carries
 * {@code original_id}, the anonymous id it links. A {@code track_id_bind} (ID-Mapping 3, {@code
 * $BindID}) is read the same way: an event under the login id that links the anonymous id of its
 * {@code identities}. A {@code profile_*} record has no {@code event}; whether its values suit its
 * operation is {@link ProfileChecks}' to say. An {@code item_set} or {@code item_delete} names an
 * item ({@code item_type}, {@code item_id}) instead of a user. Records of newer SDKs that name the
 * user only in {@code identities} get their {@code distinct_id} from there ({@link Identities}).
 * Pure: no plan, no clock, no I/O.
 */
public final class RecordParser {

  /** The outcome for one record. */
  public sealed interface Result {}

  /**
   * A well-formed {@code track} or {@code track_signup} record.
   *
   * @param originalId for a signup, the anonymous id it links to {@code distinctId}; null when the
   *     record links nothing (a {@code track}, or a signup under the id it was anonymous as)
   */
  public record Parsed(
      String event,
      String distinctId,
      Instant time,
      Long trackId,
      Map<String, Object> properties,
      String originalId)
      implements Result {

    /** A {@code track} record. */
    public Parsed(
        String event,
        String distinctId,
        Instant time,
        Long trackId,
        Map<String, Object> properties) {
      this(event, distinctId, time, trackId, properties, null);
    }
  }

  /**
   * A well-formed {@code profile_*} record. For UNSET the properties are the names to remove, each
   * with {@code true}, whatever the SDK sent as values; for DELETE there are none.
   */
  public record ParsedProfile(
      ProfileOperation operation,
      String distinctId,
      Instant time,
      Long trackId,
      Map<String, Object> properties)
      implements Result {}

  /**
   * A well-formed {@code item_*} record: a non-empty, bounded {@code item_type} and {@code item_id}
   * ({@link ItemUpdate#MAX_ITEM_TYPE_LENGTH}, {@link ItemUpdate#MAX_ITEM_ID_LENGTH}). For DELETE
   * there are no properties, whatever the SDK sent (the Java SDK sends an empty object).
   */
  public record ParsedItem(
      ItemOperation operation,
      String itemType,
      String itemId,
      Instant time,
      Long trackId,
      Map<String, Object> properties)
      implements Result {}

  /**
   * The Java SDK's marker in a profile record's properties ({@code $is_login_id}): whether {@code
   * distinct_id} is a login id. Not a property of the user, so it is not stored.
   */
  static final String IS_LOGIN_ID = "$is_login_id";

  /** The event a {@code track_id_bind} stands for when it names none. */
  static final String BIND_EVENT = "$BindID";

  /** A record that cannot be read as an event. */
  public record Malformed(List<QuarantineReason> reasons) implements Result {}

  /**
   * A well-known Sensors record type that is not applied (unbinds). The reason says so with {@code
   * UNSUPPORTED_RECORD_TYPE}.
   */
  public record Unsupported(RecordType type, List<QuarantineReason> reasons) implements Result {
    public Unsupported(RecordType type) {
      this(
          type,
          List.of(
              new QuarantineReason(
                  QuarantineCode.UNSUPPORTED_RECORD_TYPE,
                  "type",
                  type == RecordType.TRACK_ID_UNBIND
                      ? "record type 'track_id_unbind' is recognised but not applied: ID links are"
                          + " permanent (docs/adr/0008-identity.md); the record is kept for replay"
                      : "record type '"
                          + type.wireName()
                          + "' is recognised but not stored; the record is kept for replay")));
    }
  }

  public Result parse(JsonNode record) {
    if (!record.isObject()) {
      return malformed("", "a record must be a JSON object");
    }
    List<QuarantineReason> reasons = new ArrayList<>();
    String type = text(record, "type", reasons);
    RecordType known = null;
    if (type != null) {
      known = RecordType.fromWireName(type).orElse(null);
      if (known == null) {
        reasons.add(reason("type", "'" + type + "' is not a Sensors record type"));
      } else if (known.profileOperation().isPresent()) {
        return parseProfile(record, known.profileOperation().get());
      } else if (known.itemOperation().isPresent()) {
        return parseItem(record, known.itemOperation().get());
      } else if (known == RecordType.TRACK_ID_BIND) {
        return parseBind(record);
      } else if (known != RecordType.TRACK && known != RecordType.TRACK_SIGNUP) {
        return new Unsupported(known);
      }
    }
    String event = text(record, "event", reasons);
    String distinctId = distinctId(record, reasons);
    String originalId = known == RecordType.TRACK_SIGNUP ? originalId(record, reasons) : null;
    Instant time = time(record, reasons);
    Long trackId = trackId(record, reasons);
    Map<String, Object> properties = properties(record, reasons);
    if (!reasons.isEmpty()) {
      return new Malformed(reasons);
    }
    // A signup under the id the user was anonymous as links nothing: it is an ordinary event.
    String linked = distinctId.equals(originalId) ? null : originalId;
    return new Parsed(event, distinctId, time, trackId, properties, linked);
  }

  /**
   * An ID-Mapping 3 bind: the event ({@code $BindID} unless named) under the login id, linking the
   * anonymous id the identities name. A bind that names no other id links nothing.
   */
  private static Result parseBind(JsonNode record) {
    List<QuarantineReason> reasons = new ArrayList<>();
    JsonNode eventNode = record.get("event");
    String event =
        eventNode == null || eventNode.isNull() ? BIND_EVENT : text(record, "event", reasons);
    String distinctId = distinctId(record, reasons);
    Instant time = time(record, reasons);
    Long trackId = trackId(record, reasons);
    Map<String, Object> properties = properties(record, reasons);
    if (!reasons.isEmpty()) {
      return new Malformed(reasons);
    }
    String anonymous = Identities.anonymousIdOf(record).orElse(null);
    return new Parsed(
        event,
        distinctId,
        time,
        trackId,
        properties,
        distinctId.equals(anonymous) ? null : anonymous);
  }

  /**
   * The record's {@code distinct_id}; for newer SDKs that send only {@code identities}, the login
   * id there, else its first id.
   */
  private static String distinctId(JsonNode record, List<QuarantineReason> reasons) {
    JsonNode node = record.get("distinct_id");
    if (node == null || node.isNull()) {
      java.util.Optional<String> fromIdentities = Identities.distinctIdOf(record);
      if (fromIdentities.isPresent()) {
        return fromIdentities.get();
      }
    }
    return text(record, "distinct_id", reasons);
  }

  private static Result parseProfile(JsonNode record, ProfileOperation operation) {
    List<QuarantineReason> reasons = new ArrayList<>();
    String distinctId = distinctId(record, reasons);
    Instant time = time(record, reasons);
    Long trackId = trackId(record, reasons);
    Map<String, Object> properties =
        switch (operation) {
          case DELETE -> new LinkedHashMap<>();
          case UNSET -> names(record, reasons);
          case SET, SET_ONCE, INCREMENT, APPEND -> properties(record, reasons);
        };
    properties.remove(IS_LOGIN_ID);
    if (!reasons.isEmpty()) {
      return new Malformed(reasons);
    }
    return new ParsedProfile(operation, distinctId, time, trackId, properties);
  }

  private static Result parseItem(JsonNode record, ItemOperation operation) {
    List<QuarantineReason> reasons = new ArrayList<>();
    String itemType = bounded(record, "item_type", ItemUpdate.MAX_ITEM_TYPE_LENGTH, reasons);
    String itemId = bounded(record, "item_id", ItemUpdate.MAX_ITEM_ID_LENGTH, reasons);
    Instant time = time(record, reasons);
    Long trackId = trackId(record, reasons);
    Map<String, Object> properties =
        switch (operation) {
          case SET -> properties(record, reasons);
          case DELETE -> new LinkedHashMap<>();
        };
    if (!reasons.isEmpty()) {
      return new Malformed(reasons);
    }
    return new ParsedItem(operation, itemType, itemId, time, trackId, properties);
  }

  /** A non-empty string field of at most {@code maxLength} characters. */
  private static String bounded(
      JsonNode record, String field, int maxLength, List<QuarantineReason> reasons) {
    String value = text(record, field, reasons);
    if (value != null && value.length() > maxLength) {
      reasons.add(reason(field, "'" + field + "' must have at most " + maxLength + " characters"));
      return null;
    }
    return value;
  }

  /**
   * The names a {@code profile_unset} removes: its properties' names. The SDKs send {@code true} as
   * each value; any value is taken.
   */
  private static Map<String, Object> names(JsonNode record, List<QuarantineReason> reasons) {
    JsonNode node = record.get("properties");
    if (node == null || node.isNull()) {
      return new LinkedHashMap<>();
    }
    if (!node.isObject()) {
      reasons.add(reason("properties", "'properties' must be an object"));
      return new LinkedHashMap<>();
    }
    Map<String, Object> names = new LinkedHashMap<>();
    node.propertyNames().forEach(name -> names.put(name, true));
    return names;
  }

  /** A signup's {@code original_id}: without it, there is nothing to link. */
  private static String originalId(JsonNode record, List<QuarantineReason> reasons) {
    JsonNode node = record.get("original_id");
    if (node == null || !node.isString() || node.asString().isBlank()) {
      reasons.add(
          reason(
              "original_id",
              "a track_signup must have 'original_id', the anonymous id the user signed up from,"
                  + " as a non-empty string"));
      return null;
    }
    return node.asString();
  }

  private static String text(JsonNode record, String field, List<QuarantineReason> reasons) {
    JsonNode node = record.get(field);
    if (node == null || !node.isString() || node.asString().isBlank()) {
      reasons.add(reason(field, "'" + field + "' must be a non-empty string"));
      return null;
    }
    return node.asString();
  }

  private static Instant time(JsonNode record, List<QuarantineReason> reasons) {
    JsonNode node = record.get("time");
    if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
      reasons.add(reason("time", "'time' must be epoch milliseconds"));
      return null;
    }
    return Instant.ofEpochMilli(node.asLong());
  }

  private static Long trackId(JsonNode record, List<QuarantineReason> reasons) {
    JsonNode node = record.get("_track_id");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      reasons.add(reason("_track_id", "'_track_id' must be an integer"));
      return null;
    }
    return node.asLong();
  }

  private static Map<String, Object> properties(JsonNode record, List<QuarantineReason> reasons) {
    JsonNode node = record.get("properties");
    if (node == null || node.isNull()) {
      return new LinkedHashMap<>();
    }
    if (!node.isObject()) {
      reasons.add(reason("properties", "'properties' must be an object"));
      return new LinkedHashMap<>();
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      if (JsonPropertyValues.isOutOfRange(property.getValue())) {
        reasons.add(
            reason(
                "properties." + property.getKey(),
                "a number must have at most "
                    + JsonPropertyValues.MAX_DIGITS
                    + " digits before and after the decimal point"));
        continue;
      }
      Object value = JsonPropertyValues.decode(property.getValue());
      if (value == null) {
        reasons.add(
            reason(
                "properties." + property.getKey(),
                "a property value must be a string, number, boolean or list of strings"));
      } else {
        properties.put(property.getKey(), value);
      }
    }
    return properties;
  }

  private static Malformed malformed(String path, String message) {
    return new Malformed(List.of(reason(path, message)));
  }

  private static QuarantineReason reason(String path, String message) {
    return new QuarantineReason(QuarantineCode.MALFORMED_PAYLOAD, path, message);
  }
}
