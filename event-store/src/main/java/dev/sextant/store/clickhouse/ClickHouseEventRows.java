package dev.sextant.store.clickhouse;

import dev.sextant.event.IdLink;
import dev.sextant.event.QuarantineReplay;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.json.EventJson;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyValues;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events and quarantined records as {@code JSONEachRow} rows, both ways. Events: the fixed columns
 * of {@link ClickHouseEventStatements} and one typed column per property ({@link
 * ClickHouseSchema#propertyColumnType}); reasons are JSON text in {@link EventJson}'s form.
 */
final class ClickHouseEventRows {

  /**
   * The derived time columns, written by us rather than computed by the server: a {@code
   * Distributed} table (a cluster) refuses inserts into {@code MATERIALIZED} columns, and a plain
   * column keeps partition pruning working through it. UTC, as the partitions are.
   */
  private static final DateTimeFormatter UTC_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter UTC_DATE =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  /** Columns a read returns that are not properties. */
  private static final Set<String> NOT_PROPERTIES = PropertyValues.FIXED_COLUMNS;

  /**
   * Decimals in and out as plain JSON numbers: 18.16 refuses a quoted {@code Decimal} in {@code
   * JSONEachRow}, and a {@code double} would lose digits.
   */
  private final JsonMapper mapper =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private final EventJson eventJson = new EventJson();

  /**
   * A row per event; each property in its column's form. Written with one streaming generator
   * rather than a tree per row: the sink spends its time here (measured with the sink benchmark).
   */
  byte[] writeEvents(List<TrackedEvent> events, Map<String, ColumnType> columns) {
    ByteArrayOutputStream rows = new ByteArrayOutputStream(events.size() * 256);
    // JSONEachRow is one object per line: no separator between root values, a newline after each.
    try (JsonGenerator row =
        mapper.writer().withRootValueSeparator((String) null).createGenerator(rows)) {
      for (TrackedEvent event : events) {
        row.writeStartObject();
        row.writeStringProperty("project", event.project());
        row.writeStringProperty("event", event.event());
        row.writeStringProperty("distinct_id", event.distinctId());
        row.writeNumberProperty("time_ms", event.time().toEpochMilli());
        row.writeStringProperty("event_time", UTC_DATE_TIME.format(event.time()));
        row.writeStringProperty("event_date", UTC_DATE.format(event.time()));
        row.writeStringProperty("insert_id", event.insertId());
        if (event.trackId() == null) {
          row.writeNullProperty("track_id");
        } else {
          row.writeNumberProperty("track_id", event.trackId().longValue());
        }
        row.writeNumberProperty("received_at_ms", event.receivedAt().toEpochMilli());
        for (Map.Entry<String, Object> property : event.properties().entrySet()) {
          writeProperty(row, property.getKey(), property.getValue(), columns);
        }
        row.writeEndObject();
        row.writeRaw('\n');
      }
    }
    return rows.toByteArray();
  }

  private static void writeProperty(
      JsonGenerator row, String name, Object value, Map<String, ColumnType> columns) {
    if (PropertyValues.isStoredAsAbsent(value)) {
      return;
    }
    ColumnType type = columns.get(name);
    if (type == null) {
      throw new IllegalStateException("no column for property " + name);
    }
    switch (type) {
      case NUMBER -> row.writeNumberProperty(name, PropertyValues.number(name, value));
      case STRING -> row.writeStringProperty(name, PropertyValues.string(name, value));
      case BOOL -> row.writeNumberProperty(name, PropertyValues.bool(name, value) ? 1 : 0);
      case DATETIME ->
          row.writeNumberProperty(
              name, PropertyValues.dateTime(name, value).toInstant(ZoneOffset.UTC).toEpochMilli());
      case DATE -> row.writeNumberProperty(name, PropertyValues.date(name, value).toEpochDay());
      case LIST -> {
        row.writeArrayPropertyStart(name);
        for (String item : PropertyValues.list(name, value)) {
          row.writeString(item);
        }
        row.writeEndArray();
      }
    }
  }

  /** A row per link. */
  byte[] writeIdLinks(List<IdLink> links) {
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (IdLink link : links) {
      ObjectNode row = mapper.createObjectNode();
      row.put("project", link.project());
      row.put("anonymous_id", link.anonymousId());
      row.put("login_id", link.loginId());
      row.put("linked_at_ms", link.linkedAt().toEpochMilli());
      writeRow(rows, row);
    }
    return rows.toByteArray();
  }

  /** A campaign's audience: one row per user, {@code held_out} 1 for the holdout. */
  byte[] writeAudience(String campaignId, List<String> targeted, List<String> heldOut) {
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (boolean held : new boolean[] {false, true}) {
      for (String user : held ? heldOut : targeted) {
        ObjectNode row = mapper.createObjectNode();
        row.put("campaign_id", campaignId);
        row.put("user_id", user);
        row.put("held_out", held ? 1 : 0);
        writeRow(rows, row);
      }
    }
    return rows.toByteArray();
  }

  /** The rows of {@code ClickHouseEventStatements#selectIdLinks}. */
  List<IdLink> readIdLinks(String project, String jsonEachRow) {
    List<IdLink> links = new ArrayList<>();
    for (String line : jsonEachRow.lines().filter(line -> !line.isBlank()).toList()) {
      JsonNode row = mapper.readTree(line);
      links.add(
          new IdLink(
              project,
              row.required("anonymous_id").asString(),
              row.required("winning_login_id").asString(),
              Instant.ofEpochMilli(int64(row.required("winning_linked_at_ms")))));
    }
    return links;
  }

  /** A row per update, its properties as JSON text in {@link EventJson}'s form. */
  byte[] writeProfileUpdates(List<ProfileUpdate> updates) {
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (ProfileUpdate update : updates) {
      ObjectNode row = mapper.createObjectNode();
      row.put("project", update.project());
      row.put("distinct_id", update.distinctId());
      row.put("operation", update.operation().name());
      row.put("properties", eventJson.writeProperties(update.properties()));
      row.put("time_ms", update.time().toEpochMilli());
      row.put("insert_id", update.insertId());
      row.put("received_at_ms", update.receivedAt().toEpochMilli());
      writeRow(rows, row);
    }
    return rows.toByteArray();
  }

  /** The rows of {@code ClickHouseEventStatements#selectProfileUpdates}. */
  List<ProfileUpdate> readProfileUpdates(String jsonEachRow) {
    List<ProfileUpdate> updates = new ArrayList<>();
    for (String line : jsonEachRow.lines().filter(line -> !line.isBlank()).toList()) {
      JsonNode row = mapper.readTree(line);
      updates.add(
          new ProfileUpdate(
              row.required("project").asString(),
              row.required("distinct_id").asString(),
              ProfileOperation.valueOf(row.required("operation").asString()),
              eventJson.readPropertyValues(row.required("properties").asString()),
              Instant.ofEpochMilli(int64(row.required("time_ms"))),
              row.required("insert_id").asString(),
              Instant.ofEpochMilli(int64(row.required("received_at_ms")))));
    }
    return updates;
  }

  /** A row per update, its properties as JSON text in {@link EventJson}'s form. */
  byte[] writeItemUpdates(List<ItemUpdate> updates) {
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (ItemUpdate update : updates) {
      ObjectNode row = mapper.createObjectNode();
      row.put("project", update.project());
      row.put("item_type", update.itemType());
      row.put("item_id", update.itemId());
      row.put("operation", update.operation().name());
      row.put("properties", eventJson.writeProperties(update.properties()));
      row.put("time_ms", update.time().toEpochMilli());
      row.put("insert_id", update.insertId());
      row.put("received_at_ms", update.receivedAt().toEpochMilli());
      writeRow(rows, row);
    }
    return rows.toByteArray();
  }

  /** The rows of {@code ClickHouseEventStatements#selectItemUpdates}. */
  List<ItemUpdate> readItemUpdates(String jsonEachRow) {
    List<ItemUpdate> updates = new ArrayList<>();
    for (String line : jsonEachRow.lines().filter(line -> !line.isBlank()).toList()) {
      JsonNode row = mapper.readTree(line);
      updates.add(
          new ItemUpdate(
              row.required("project").asString(),
              row.required("item_type").asString(),
              row.required("item_id").asString(),
              ItemOperation.valueOf(row.required("operation").asString()),
              eventJson.readPropertyValues(row.required("properties").asString()),
              Instant.ofEpochMilli(int64(row.required("time_ms"))),
              row.required("insert_id").asString(),
              Instant.ofEpochMilli(int64(row.required("received_at_ms")))));
    }
    return updates;
  }

  byte[] writeQuarantined(List<QuarantinedRecord> records) {
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (QuarantinedRecord record : records) {
      ObjectNode row = mapper.createObjectNode();
      row.put("project", record.project());
      row.put("quarantine_id", record.quarantineId());
      row.put("received_at_ms", record.receivedAt().toEpochMilli());
      row.put("received_date", UTC_DATE.format(record.receivedAt()));
      row.put("reasons", eventJson.writeReasons(record.reasons()));
      row.put("payload", record.payload());
      writeRow(rows, row);
    }
    return rows.toByteArray();
  }

  byte[] writeReplays(String project, List<QuarantineReplay> replays) {
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (QuarantineReplay replay : replays) {
      ObjectNode row = mapper.createObjectNode();
      row.put("project", project);
      row.put("quarantine_id", replay.quarantineId());
      row.put("replayed_at_ms", replay.replayedAt().toEpochMilli());
      row.put("insert_id", replay.insertId());
      row.put("replayed_by", replay.replayedBy());
      writeRow(rows, row);
    }
    return rows.toByteArray();
  }

  List<QuarantineReplay> readReplays(String jsonEachRow) {
    return jsonEachRow
        .lines()
        .filter(line -> !line.isBlank())
        .map(mapper::readTree)
        .map(row ->
            new QuarantineReplay(
                row.required("quarantine_id").asString(),
                Instant.ofEpochMilli(row.required("first_replayed_at_ms").asLong()),
                row.required("first_insert_id").asString(),
                row.required("first_replayed_by").asString()))
        .toList();
  }

  /**
   * Events from rows of every column of an events table.
   *
   * @param columns the types of the table's property columns
   * @throws UnknownColumnException if a row has a column {@code columns} lacks (added since)
   */
  List<TrackedEvent> readEvents(String jsonEachRow, Map<String, ColumnType> columns) {
    List<TrackedEvent> events = new ArrayList<>();
    for (String line : jsonEachRow.lines().filter(line -> !line.isBlank()).toList()) {
      events.add(readEvent(line, columns));
    }
    return events;
  }

  List<QuarantinedRecord> readQuarantined(String jsonEachRow) {
    return jsonEachRow.lines().filter(line -> !line.isBlank()).map(this::readRecord).toList();
  }

  private TrackedEvent readEvent(String line, Map<String, ColumnType> columns) {
    JsonNode row = mapper.readTree(line);
    JsonNode trackId = row.required("track_id");
    Map<String, Object> properties = new HashMap<>();
    for (Map.Entry<String, JsonNode> column : row.properties()) {
      String name = column.getKey();
      if (NOT_PROPERTIES.contains(name)) {
        continue;
      }
      ColumnType type = columns.get(name);
      if (type == null) {
        throw new UnknownColumnException(name);
      }
      Object value = readProperty(type, column.getValue());
      if (value != null) {
        properties.put(name, value);
      }
    }
    return new TrackedEvent(
        row.required("project").asString(),
        row.required("event").asString(),
        row.required("distinct_id").asString(),
        Instant.ofEpochMilli(int64(row.required("time_ms"))),
        row.required("insert_id").asString(),
        trackId.isNull() ? null : int64(trackId),
        properties,
        Instant.ofEpochMilli(int64(row.required("received_at_ms"))));
  }

  /** The value in its one Java form, or {@code null} for an absent one (null, empty array). */
  private static Object readProperty(ColumnType type, JsonNode value) {
    if (value.isNull() || (value.isArray() && value.isEmpty())) {
      return null;
    }
    return switch (type) {
      case NUMBER -> PropertyValues.canonicalNumber(decimal(value));
      case STRING -> value.asString();
      case BOOL -> int64(value) != 0;
      case DATETIME ->
          PropertyValues.dateTimeText(
              LocalDateTime.ofInstant(Instant.ofEpochMilli(int64(value)), ZoneOffset.UTC));
      case DATE -> LocalDate.ofEpochDay(int64(value)).toString();
      case LIST -> {
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asString()));
        yield List.copyOf(items);
      }
    };
  }

  private QuarantinedRecord readRecord(String line) {
    JsonNode row = mapper.readTree(line);
    return new QuarantinedRecord(
        row.required("project").asString(),
        row.required("quarantine_id").asString(),
        Instant.ofEpochMilli(int64(row.required("received_at_ms"))),
        eventJson.readReasons(row.required("reasons").asString()),
        row.required("payload").asString());
  }

  /** A {@code Decimal}: a JSON number, or a string where a server quotes decimals. */
  private static BigDecimal decimal(JsonNode value) {
    if (value.isString()) {
      return new BigDecimal(value.asString());
    }
    return value.decimalValue();
  }

  /**
   * ClickHouse writes 64-bit integers as JSON strings by default ({@code
   * output_format_json_quote_64bit_integers}), as numbers if a server or profile turns that off.
   */
  static long int64(JsonNode value) {
    if (value.isString()) {
      return Long.parseLong(value.asString());
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    throw new IllegalArgumentException("not a 64-bit integer: " + value);
  }

  private void writeRow(ByteArrayOutputStream rows, ObjectNode row) {
    rows.writeBytes(mapper.writeValueAsBytes(row));
    rows.write('\n');
  }

  /** A row had a column the reader did not know: the table gained columns since it last looked. */
  static final class UnknownColumnException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnknownColumnException(String column) {
      super("unknown column " + column);
    }
  }
}
