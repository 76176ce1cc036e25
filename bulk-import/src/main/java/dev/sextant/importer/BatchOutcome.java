package dev.sextant.importer;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the collector did with one batch: records accepted, records it had already accepted (resent
 * after an interruption, recognised by their {@code _track_id}), and records quarantined, counted
 * by their first reason code.
 */
public record BatchOutcome(long accepted, long duplicates, Map<String, Long> quarantined) {

  public BatchOutcome {
    quarantined = Map.copyOf(quarantined);
  }

  /** Records in all. */
  public long records() {
    return accepted + duplicates + quarantined.values().stream().mapToLong(Long::longValue).sum();
  }

  static Map<String, Long> merge(Map<String, Long> counts, Map<String, Long> more) {
    Map<String, Long> merged = new TreeMap<>(counts);
    more.forEach((code, count) -> merged.merge(code, count, Long::sum));
    return merged;
  }
}
