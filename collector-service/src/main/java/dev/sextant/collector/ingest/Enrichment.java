package dev.sextant.collector.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Preset properties the collector derives from the request ({@code $ip}, {@code $os}, {@code
 * $browser}, …) and adds to each event of it. What the SDK sent always wins: a property is added
 * only where the event does not have it.
 *
 * @param properties the derived properties, by preset name
 */
public record Enrichment(Map<String, Object> properties) {

  /** Adds nothing. */
  public static final Enrichment NONE = new Enrichment(Map.of());

  public Enrichment {
    properties = Map.copyOf(properties);
  }

  /** The event's properties with the derived ones added where absent. */
  public Map<String, Object> applyTo(Map<String, Object> sent) {
    if (properties.isEmpty()) {
      return sent;
    }
    Map<String, Object> enriched = new LinkedHashMap<>(sent);
    properties.forEach(enriched::putIfAbsent);
    return enriched;
  }
}
