package dev.sextant.demo.output;

import dev.sextant.event.TrackedEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as Sensors Analytics import records, one JSON object a line: {@code
 * {"type":"track","event":…,"distinct_id":…,"time":…,"_track_id":…,"properties":{…}}}, the form the
 * Sensors SDKs send and the import tool and load generator read. {@code $SignUp} is written as a
 * {@code track_signup} record whose {@code original_id} is the anonymous id it links (the event's
 * {@code $device_id}). Property keys are written in sorted order, so a seed gives the same bytes.
 */
public final class SensorsJsonLinesWriter implements Consumer<TrackedEvent>, AutoCloseable {

  private static final JsonMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder().rootValueSeparator("\n").build()).build();

  private final OutputStream out;
  private final JsonGenerator generator;
  private long written;

  public SensorsJsonLinesWriter(OutputStream out) {
    this.out = out;
    this.generator = MAPPER.createGenerator(out);
  }

  /** Writes to a file, gzip-compressed when its name ends in {@code .gz}; replaces the file. */
  public static SensorsJsonLinesWriter open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      OutputStream raw = Files.newOutputStream(file);
      OutputStream buffered =
          file.getFileName().toString().endsWith(".gz")
              ? new GZIPOutputStream(raw, 1 << 16)
              : new BufferedOutputStream(raw, 1 << 16);
      return new SensorsJsonLinesWriter(buffered);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void accept(TrackedEvent event) {
    boolean signUp =
        event.event().equals("$SignUp") && event.properties().containsKey("$device_id");
    generator.writeStartObject();
    generator.writeStringProperty("type", signUp ? "track_signup" : "track");
    generator.writeStringProperty("event", event.event());
    generator.writeStringProperty("distinct_id", event.distinctId());
    if (signUp) {
      generator.writeStringProperty("original_id", (String) event.properties().get("$device_id"));
    }
    generator.writeNumberProperty("time", event.time().toEpochMilli());
    if (event.trackId() != null) {
      generator.writeNumberProperty("_track_id", event.trackId());
    }
    generator.writeName("properties");
    writeProperties(event.properties());
    generator.writeEndObject();
    written++;
  }

  private void writeProperties(Map<String, Object> properties) {
    String[] names = properties.keySet().toArray(String[]::new);
    Arrays.sort(names);
    generator.writeStartObject();
    for (String name : names) {
      generator.writeName(name);
      writeValue(properties.get(name));
    }
    generator.writeEndObject();
  }

  private void writeValue(Object value) {
    switch (value) {
      case String text -> generator.writeString(text);
      case Long number -> generator.writeNumber(number);
      case Integer number -> generator.writeNumber(number);
      case BigDecimal number -> generator.writeNumber(number);
      case Double number -> generator.writeNumber(number);
      case Boolean bool -> generator.writeBoolean(bool);
      case List<?> list -> {
        generator.writeStartArray();
        for (Object item : list) {
          generator.writeString(String.valueOf(item));
        }
        generator.writeEndArray();
      }
      default ->
          throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName());
    }
  }

  /** How many records were written. */
  public long written() {
    return written;
  }

  /** Ends the last line, flushes and closes the stream (finishing the gzip member). */
  @Override
  public void close() {
    if (written > 0) {
      generator.writeRaw('\n');
    }
    // Closes the stream too, which finishes the gzip member.
    generator.close();
  }
}
