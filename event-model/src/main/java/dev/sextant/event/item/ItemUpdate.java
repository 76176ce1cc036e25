package dev.sextant.event.item;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One accepted change to an item, as a Sensors {@code item_set} or {@code item_delete} record sent
 * it. Updates are kept as a log and folded into the latest item when it is read ({@link
 * ItemFolding}), so their order is their time, then their {@code insertId}, never their arrival.
 *
 * <p>The item type and id are non-blank and bounded ({@link #MAX_ITEM_TYPE_LENGTH}, {@link
 * #MAX_ITEM_ID_LENGTH}); values are property values (string, boolean, {@code Long}, {@code
 * BigDecimal}, list of strings); a delete has no properties.
 *
 * @param project the project the item belongs to
 * @param itemType the kind of item, e.g. {@code product}
 * @param itemId the item's id within its type
 * @param operation what the update does
 * @param properties the properties a set gives the item; none for a delete
 * @param time when the update happened, as the client reported it (millisecond precision)
 * @param insertId the collector-assigned de-duplication key, as for events
 * @param receivedAt when the collector accepted the update
 */
public record ItemUpdate(
    String project,
    String itemType,
    String itemId,
    ItemOperation operation,
    Map<String, Object> properties,
    Instant time,
    String insertId,
    Instant receivedAt) {

  /** The longest item type: the SDKs' limit for a name ({@code max_key_length}). */
  public static final int MAX_ITEM_TYPE_LENGTH = 100;

  /** The longest item id: the JavaScript SDK's limit for a string ({@code max_string_length}). */
  public static final int MAX_ITEM_ID_LENGTH = 1024;

  /** The order in which updates apply: by time, then by insert id, whatever their arrival. */
  public static final Comparator<ItemUpdate> ORDER =
      Comparator.comparing(ItemUpdate::time).thenComparing(ItemUpdate::insertId);

  public ItemUpdate {
    requireText(project, "project");
    requireText(itemType, "itemType");
    requireText(itemId, "itemId");
    requireText(insertId, "insertId");
    if (itemType.length() > MAX_ITEM_TYPE_LENGTH) {
      throw new IllegalArgumentException(
          "an item type has at most " + MAX_ITEM_TYPE_LENGTH + " characters");
    }
    if (itemId.length() > MAX_ITEM_ID_LENGTH) {
      throw new IllegalArgumentException(
          "an item id has at most " + MAX_ITEM_ID_LENGTH + " characters");
    }
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(receivedAt, "receivedAt");
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    properties.forEach(ItemUpdate::requirePropertyValue);
    if (operation == ItemOperation.DELETE && !properties.isEmpty()) {
      throw new IllegalArgumentException("an item delete has no properties: " + properties);
    }
  }

  /** Whether {@code value} is one an item property can hold. */
  public static boolean isPropertyValue(Object value) {
    return value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof BigDecimal
        || (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance));
  }

  private static void requirePropertyValue(String name, Object value) {
    requireText(name, "property name");
    if (!isPropertyValue(value)) {
      throw new IllegalArgumentException(
          "an item cannot hold %s = %s"
              .formatted(name, value == null ? "null" : value.getClass().getName()));
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
