package dev.sextant.demo.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.demo.simulation.DemoSimulation;
import dev.sextant.demo.simulation.SimulationSettings;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Sensors JSON lines read back as the events written, plain or gzip-compressed. */
class SensorsJsonLinesWriterTest {

  /** Decimals as {@code BigDecimal}, as the collector and {@link EventJson} read them. */
  private final JsonMapper mapper =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .build();

  private final EventJson eventJson = new EventJson();

  private static List<TrackedEvent> simulate(int users) {
    List<TrackedEvent> events = new ArrayList<>();
    new DemoSimulation(SimulationSettings.caseStudy("demo", users, 60, 99)).run(events::add);
    return events;
  }

  private static String write(List<TrackedEvent> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SensorsJsonLinesWriter writer = new SensorsJsonLinesWriter(bytes)) {
      events.forEach(writer);
      assertThat(writer.written()).isEqualTo(events.size());
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachLineIsOneSensorsRecordThatReadsBackAsTheEvent() {
    List<TrackedEvent> events = simulate(40);
    String text = write(events);
    assertThat(text).endsWith("\n");
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      TrackedEvent event = events.get(i);
      JsonNode record = mapper.readTree(lines.get(i));
      assertThat(record.get("event").asString()).isEqualTo(event.event());
      assertThat(record.get("distinct_id").asString()).isEqualTo(event.distinctId());
      assertThat(record.get("time").asLong()).isEqualTo(event.time().toEpochMilli());
      assertThat(record.get("_track_id").asLong()).isEqualTo(event.trackId());
      assertThat(eventJson.readProperties(record.get("properties").toString()))
          .isEqualTo(event.properties());
      if (event.event().equals("$SignUp")) {
        assertThat(record.get("type").asString()).isEqualTo("track_signup");
        assertThat(record.get("original_id").asString())
            .isEqualTo(event.properties().get("$device_id"))
            .startsWith("demo-anon-");
      } else {
        assertThat(record.get("type").asString()).isEqualTo("track");
      }
    }
    assertThat(lines).anyMatch(line -> line.contains("\"track_signup\""));
  }

  @Test
  void theSameSeedWritesTheSameBytes() {
    assertThat(write(simulate(20))).isEqualTo(write(simulate(20)));
  }

  @Test
  void writesGzipWhenTheFileNameSaysSo(@TempDir Path dir) throws IOException {
    List<TrackedEvent> events = simulate(10);
    Path file = dir.resolve("out/events.jsonl.gz");
    try (SensorsJsonLinesWriter writer = SensorsJsonLinesWriter.open(file)) {
      events.forEach(writer);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(write(events));
    }
  }

  @Test
  void anEmptyRunWritesAnEmptyFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("events.jsonl");
    try (SensorsJsonLinesWriter writer = SensorsJsonLinesWriter.open(file)) {
      assertThat(writer.written()).isZero();
    }
    assertThat(Files.size(file)).isZero();
  }
}
