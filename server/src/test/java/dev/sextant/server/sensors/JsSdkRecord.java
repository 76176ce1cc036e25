package dev.sextant.server.sensors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record shaped like those of {@code sa-sdk-javascript@1.27.11} ({@code type}, {@code event},
 * {@code distinct_id}, {@code time}, {@code lib}, {@code properties}, {@code _track_id}), encoded
 * the way its senders encode it: {@code aJsEvent("P2P_Invest").by("u").at(t).with("amount",
 * 1).imageQuery()}.
 */
final class JsSdkRecord {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The SDK draws a random {@code _track_id} for every record; distinct ones here, because the
   * collector takes a second record with the same id (and user) for a retry of the first.
   */
  private static final AtomicLong TRACK_IDS = new AtomicLong(123_456_789L);

  private final String event;
  private String distinctId = "js-anonymous";
  private long time = 1_764_000_000_000L;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final long trackId = TRACK_IDS.getAndIncrement();

  private JsSdkRecord(String event) {
    this.event = event;
    properties.put("$lib", "js");
    properties.put("$lib_version", "1.27.11");
    properties.put("$url", "https://p2p.example/invest");
    properties.put("$title", "投资");
    properties.put("$screen_width", 1920);
    properties.put("$screen_height", 1080);
  }

  static JsSdkRecord aJsEvent(String event) {
    return new JsSdkRecord(event);
  }

  JsSdkRecord by(String distinctId) {
    this.distinctId = distinctId;
    return this;
  }

  JsSdkRecord at(long epochMillis) {
    this.time = epochMillis;
    return this;
  }

  JsSdkRecord with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  String json() {
    ObjectNode record = JSON.createObjectNode();
    record.put("distinct_id", distinctId);
    record.set("lib", JSON.valueToTree(Map.of("$lib", "js", "$lib_method", "code")));
    record.set("properties", JSON.valueToTree(properties));
    record.put("anonymous_id", distinctId);
    record.put("type", "track");
    record.put("event", event);
    record.put("time", time);
    record.put("_track_id", trackId);
    record.put("_flush_time", time + 5);
    return record.toString();
  }

  /** {@code U(e)} of the SDK: base64 of the UTF-8 bytes (standard alphabet, padded). */
  String base64() {
    return Base64.getEncoder().encodeToString(json().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code encodeTrackData} of the SDK ({@code gt}): {@code data=<urlencoded
   * base64>&ext=<urlencoded "crc=" + hashCode(base64)>}, used by the image, ajax and beacon senders
   * alike.
   */
  String trackData() {
    String base64 = base64();
    return "data="
        + URLEncoder.encode(base64, StandardCharsets.UTF_8)
        + "&ext="
        + URLEncoder.encode("crc=" + base64.hashCode(), StandardCharsets.UTF_8);
  }

  /** The batch sender's body: {@code data_list=<urlencoded base64 of the JSON array>}. */
  static String batchBody(JsSdkRecord... records) {
    StringBuilder array = new StringBuilder("[");
    for (int i = 0; i < records.length; i++) {
      array.append(i == 0 ? "" : ",").append(records[i].json());
    }
    String base64 =
        Base64.getEncoder()
            .encodeToString(array.append("]").toString().getBytes(StandardCharsets.UTF_8));
    return "data_list=" + URLEncoder.encode(base64, StandardCharsets.UTF_8);
  }
}
