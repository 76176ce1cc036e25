package dev.sextant.demo.simulation;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * What the demo's data-quality page shows: records that break the tracking plan, as a real app's
 * releases send them, to go through the collector's validation into the quarantine. In the last
 * five days of the period, Android release 3.2.0 of the app shipped with three tracking bugs and a
 * web page with one:
 *
 * <ul>
 *   <li>the product id of {@code P2P_ClickProduct} sent as {@code productId} (an unknown property,
 *       and the required {@code product_id} missing);
 *   <li>a new {@code P2P_ShareProduct} event nobody added to the plan (unknown: add it to the plan,
 *       and the records can be replayed);
 *   <li>a product type {@code vip} the plan does not list (not in the enum);
 *   <li>on the web, the term sent as text, {@code "90天"} (a type mismatch).
 * </ul>
 *
 * Deterministic for the settings' seed, as the simulation is.
 */
public final class FaultyRelease {

  static final int RENAMED_PRODUCT_ID = 36;
  static final int UNPLANNED_EVENT = 24;
  static final int UNLISTED_PRODUCT_TYPE = 9;
  static final int TERM_AS_TEXT = 15;

  private static final int DAYS = 5;

  private FaultyRelease() {}

  /** The records, as the SDKs would post them to {@code /api/v1/events}, oldest first. */
  public static List<Map<String, Object>> records(SimulationSettings settings) {
    RandomGenerator random =
        RandomGeneratorFactory.of("L64X128MixRandom").create(settings.seed() ^ 0x3200);
    ZonedDateTime firstDay =
        settings
            .firstDay()
            .plusDays(Math.max(0, settings.days() - DAYS))
            .atStartOfDay(settings.zone());
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < RENAMED_PRODUCT_ID; i++) {
      Map<String, Object> properties = android();
      properties.put("productId", product(random));
      properties.put("product_type", "regular");
      records.add(track("P2P_ClickProduct", settings, firstDay, random, properties));
    }
    for (int i = 0; i < UNPLANNED_EVENT; i++) {
      Map<String, Object> properties = android();
      properties.put("product_id", product(random));
      properties.put("share_channel", random.nextBoolean() ? "wechat_friend" : "weibo");
      records.add(track("P2P_ShareProduct", settings, firstDay, random, properties));
    }
    for (int i = 0; i < UNLISTED_PRODUCT_TYPE; i++) {
      Map<String, Object> properties = android();
      properties.put("product_id", product(random));
      properties.put("product_type", "vip");
      records.add(track("P2P_ClickProduct", settings, firstDay, random, properties));
    }
    for (int i = 0; i < TERM_AS_TEXT; i++) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("$lib", "js");
      properties.put("$lib_version", "1.26.18");
      properties.put("$url", "https://www.example.cn/p2p/products");
      properties.put("product_id", product(random));
      properties.put("term_days", "90天");
      records.add(track("P2P_ClickProduct", settings, firstDay, random, properties));
    }
    records.sort(java.util.Comparator.comparing(record -> (Long) record.get("time")));
    return records;
  }

  private static Map<String, Object> android() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("$lib", "Android");
    properties.put("$lib_version", "6.8.3");
    properties.put("$os", "Android");
    properties.put("$app_version", "3.2.0");
    return properties;
  }

  private static String product(RandomGenerator random) {
    return Catalog.PRODUCTS.get(random.nextInt(Catalog.PRODUCTS.size())).id();
  }

  private static Map<String, Object> track(
      String event,
      SimulationSettings settings,
      ZonedDateTime firstDay,
      RandomGenerator random,
      Map<String, Object> properties) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("type", "track");
    record.put("event", event);
    record.put("distinct_id", DemoIds.loginId(random.nextInt(settings.users())));
    long day = random.nextLong(DAYS);
    long secondOfDay = 8 * 3600 + random.nextLong(14 * 3600);
    record.put("time", firstDay.plusDays(day).plusSeconds(secondOfDay).toInstant().toEpochMilli());
    record.put("properties", properties);
    return record;
  }
}
