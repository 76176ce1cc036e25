package dev.sextant.benchmarks;

import dev.sextant.benchmarks.load.SensorsBatches;
import dev.sextant.collector.ingest.IngestLimits;
import dev.sextant.collector.sensors.FormFields;
import dev.sextant.collector.sensors.SensorsPayloadDecoder;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collector's codecs, each next to the plain Jackson work it cannot avoid:
 *
 * <ul>
 *   <li>{@code decodeSensorsBatch}: one batch of 50 records as the JavaScript SDK posts it (form
 *       field {@code data_list}, base64 of gzipped JSON) to records; the baseline {@code
 *       parseBatchJson} only parses the same JSON, already unpacked, to a tree.
 *   <li>{@code writeEventJson}: one accepted event to the UTF-8 JSON the collector puts on Kafka;
 *       the baseline {@code jacksonWriteEventMap} serialises the same fields as a map with
 *       Jackson's data binding.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SensorsCodecBenchmark {

  private final JsonMapper json = JsonMapper.builder().build();
  private final SensorsPayloadDecoder decoder = new SensorsPayloadDecoder(IngestLimits.DEFAULTS);
  private final EventJson eventJson = new EventJson();
  private String form;
  private byte[] batchJson;
  private TrackedEvent event;
  private Map<String, Object> eventMap;

  @Setup
  public void prepare() {
    String records = SensorsBatches.records(50, 100_000);
    batchJson = records.getBytes(StandardCharsets.UTF_8);
    form = SensorsBatches.form(records);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("$lib", "js");
    properties.put("$lib_version", "1.26.18");
    properties.put("$screen_width", 1920L);
    properties.put("$screen_height", 1080L);
    properties.put("$url", "https://shop.example.cn/products/42?utm_source=newsletter");
    properties.put("$url_path", "/products/42");
    properties.put("$title", "理财产品 42");
    properties.put("$referrer", "https://shop.example.cn/");
    properties.put("$timezone_offset", -480L);
    properties.put("$is_first_day", false);
    properties.put("$os", "Windows");
    properties.put("$browser", "Chrome");
    properties.put("$ip", "203.0.113.7");
    properties.put("product_id", "p-42");
    properties.put("price", new java.math.BigDecimal("99.5"));
    Instant now = Instant.parse("2026-12-08T04:00:00Z");
    event =
        new TrackedEvent(
            "demo",
            "ViewProduct",
            "user-42",
            now,
            "0193a4b2-7c1d-8e2f-9a3b-4c5d6e7f8091",
            4_503_599_627_370_495L,
            properties,
            now.plusMillis(12),
            null);
    eventMap = new LinkedHashMap<>();
    eventMap.put("project", event.project());
    eventMap.put("event", event.event());
    eventMap.put("distinct_id", event.distinctId());
    eventMap.put("time", event.time().toEpochMilli());
    eventMap.put("insert_id", event.insertId());
    eventMap.put("track_id", event.trackId());
    eventMap.put("received_at", event.receivedAt().toEpochMilli());
    eventMap.put("properties", properties);
    if (!(decodeSensorsBatch() instanceof SensorsPayloadDecoder.Records decoded)
        || decoded.records().size() != 50) {
      throw new IllegalStateException("the batch does not decode to 50 records");
    }
  }

  @Benchmark
  public SensorsPayloadDecoder.Decoded decodeSensorsBatch() {
    return decoder.decode(FormFields.parse(form));
  }

  @Benchmark
  public JsonNode parseBatchJson() {
    return json.readTree(batchJson);
  }

  @Benchmark
  public byte[] writeEventJson() {
    return eventJson.writeEventUtf8(event);
  }

  @Benchmark
  public byte[] jacksonWriteEventMap() {
    return json.writeValueAsBytes(eventMap);
  }
}
