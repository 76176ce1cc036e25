package dev.sextant.store.clickhouse;

import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events and quarantined records as {@code JSONEachRow} rows of the tables in {@link
 * ClickHouseEventStatements}, both ways. Properties and reasons are JSON text in {@code String}
 * columns, in {@link EventJson}'s form, since 18.16 has neither {@code Map} nor {@code JSON}.
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

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final EventJson eventJson = new EventJson();

  byte[] writeEvents(List<TrackedEvent> events) {
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (TrackedEvent event : events) {
      ObjectNode row = mapper.createObjectNode();
      row.put("project", event.project());
      row.put("event", event.event());
      row.put("distinct_id", event.distinctId());
      row.put("time_ms", event.time().toEpochMilli());
      row.put("event_time", UTC_DATE_TIME.format(event.time()));
      row.put("event_date", UTC_DATE.format(event.time()));
      row.put("insert_id", event.insertId());
      row.put("track_id", event.trackId());
      row.put("properties", eventJson.writeProperties(event.properties()));
      row.put("received_at_ms", event.receivedAt().toEpochMilli());
      writeRow(rows, row);
    }
    return rows.toByteArray();
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

  List<TrackedEvent> readEvents(String jsonEachRow) {
    return jsonEachRow.lines().filter(line -> !line.isBlank()).map(this::readEvent).toList();
  }

  List<QuarantinedRecord> readQuarantined(String jsonEachRow) {
    return jsonEachRow.lines().filter(line -> !line.isBlank()).map(this::readRecord).toList();
  }

  private TrackedEvent readEvent(String line) {
    JsonNode row = mapper.readTree(line);
    JsonNode trackId = row.required("track_id");
    return new TrackedEvent(
        row.required("project").asString(),
        row.required("event").asString(),
        row.required("distinct_id").asString(),
        Instant.ofEpochMilli(int64(row.required("time_ms"))),
        row.required("insert_id").asString(),
        trackId.isNull() ? null : int64(trackId),
        eventJson.readProperties(row.required("properties").asString()),
        Instant.ofEpochMilli(int64(row.required("received_at_ms"))));
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
}
