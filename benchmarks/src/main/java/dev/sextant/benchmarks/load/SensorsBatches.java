package dev.sextant.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Batches of records as the Sensors JavaScript SDK's batch sender posts them: a {@code data_list}
 * form field holding base64 of gzipped JSON, {@code gzip=1}. Every record gets a fresh random
 * {@code _track_id} and the current time, so the collector neither de-duplicates nor refuses it.
 */
public final class SensorsBatches {

  /** The project's plan: one event with two properties; the rest are Sensors presets. */
  public static final String PLAN =
      """
      project: demo
      version: 0
      events:
        - name: ViewProduct
          properties:
            - name: product_id
              required: true
            - name: price
      properties:
        - name: product_id
          type: STRING
        - name: price
          type: NUMBER
      """;

  private static final String RECORD =
      """
      {"_track_id":%d,"type":"track","event":"ViewProduct","distinct_id":"user-%d","time":%d,\
      "lib":{"$lib":"js","$lib_method":"code","$lib_version":"1.26.18"},\
      "properties":{"$lib":"js","$lib_version":"1.26.18","$screen_width":1920,\
      "$screen_height":1080,"$viewport_width":1536,"$viewport_height":730,\
      "$url":"https://shop.example.cn/products/%d?utm_source=newsletter",\
      "$url_path":"/products/%d","$title":"理财产品 %d","$referrer":"https://shop.example.cn/",\
      "$latest_traffic_source_type":"直接流量","$latest_referrer":"","$timezone_offset":-480,\
      "$is_first_day":false,"product_id":"p-%d","price":%d.5}}\
      """;

  private SensorsBatches() {}

  /** {@code size} records of random users, as JSON array text. */
  public static String records(int size, int users) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long now = System.currentTimeMillis();
    StringBuilder json = new StringBuilder(size * 700).append('[');
    for (int i = 0; i < size; i++) {
      int product = random.nextInt(10_000);
      json.append(i == 0 ? "" : ",")
          .append(
              RECORD.formatted(
                  random.nextLong(1L << 52),
                  random.nextInt(users),
                  now,
                  product,
                  product,
                  product,
                  product,
                  random.nextInt(1000)));
    }
    return json.append(']').toString();
  }

  /** The form body the JS SDK would post for these records. */
  public static String form(String records) {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write(records.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data_list="
        + URLEncoder.encode(
            Base64.getEncoder().encodeToString(gzipped.toByteArray()), StandardCharsets.UTF_8)
        + "&gzip=1";
  }
}
