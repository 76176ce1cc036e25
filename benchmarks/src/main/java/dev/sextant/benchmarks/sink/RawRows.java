package dev.sextant.benchmarks.sink;

import dev.sextant.event.TrackedEvent;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw baseline's rows: the events in the events table's {@code JSONEachRow} form, written once
 * before the timed inserts, so that only ClickHouse's work is measured.
 */
final class RawRows {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private RawRows() {}

  static List<String> columns() {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "project",
                "event",
                "distinct_id",
                "time_ms",
                "insert_id",
                "track_id",
                "received_at_ms",
                "event_time",
                "event_date"));
    columns.addAll(new TreeSet<>(SinkBenchmark.TYPES.keySet()));
    return columns;
  }

  static byte[] jsonEachRow(List<TrackedEvent> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 400);
    for (TrackedEvent event : events) {
      try (JsonGenerator row = MAPPER.createGenerator(out)) {
        row.writeStartObject();
        row.writeStringProperty("project", event.project());
        row.writeStringProperty("event", event.event());
        row.writeStringProperty("distinct_id", event.distinctId());
        row.writeNumberProperty("time_ms", event.time().toEpochMilli());
        row.writeStringProperty("insert_id", event.insertId());
        row.writeNumberProperty("track_id", event.trackId());
        row.writeNumberProperty("received_at_ms", event.receivedAt().toEpochMilli());
        row.writeStringProperty("event_time", DATE_TIME.format(event.time()));
        row.writeStringProperty("event_date", DATE.format(event.time()));
        for (Map.Entry<String, Object> property : event.properties().entrySet()) {
          switch (property.getValue()) {
            case String text -> row.writeStringProperty(property.getKey(), text);
            case Long number -> row.writeNumberProperty(property.getKey(), number);
            case BigDecimal number -> row.writeNumberProperty(property.getKey(), number);
            case Boolean bool -> row.writeNumberProperty(property.getKey(), bool ? 1 : 0);
            default -> throw new IllegalArgumentException("unexpected " + property);
          }
        }
        row.writeEndObject();
      }
      out.write('\n');
    }
    return out.toByteArray();
  }
}
