package dev.sextant.event.item;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An item's latest state: what {@link ItemFolding} makes of the item's updates.
 *
 * @param itemType the kind of item, e.g. {@code product}
 * @param itemId the item's id within its type
 * @param properties the item properties: String, Boolean, Long, BigDecimal or List of String
 * @param updatedAt the time of the set that made this state
 */
public record Item(
    String itemType, String itemId, Map<String, Object> properties, Instant updatedAt) {

  public Item {
    Objects.requireNonNull(itemType, "itemType");
    Objects.requireNonNull(itemId, "itemId");
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
