package dev.sextant.store;

import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test item updates: {@code anItemUpdate(SET).of("product", "p-42").with("rate",
 * 4L).at(t).build()}.
 */
public final class ItemUpdateBuilder {

  private final ItemOperation operation;
  private String project = "demo";
  private String itemType = "product";
  private String itemId = "p-1";
  private Instant time = Instant.parse("2026-11-23T02:03:04.567Z");
  private String insertId = UUID.randomUUID().toString();
  private final Map<String, Object> properties = new LinkedHashMap<>();

  private ItemUpdateBuilder(ItemOperation operation) {
    this.operation = operation;
  }

  public static ItemUpdateBuilder anItemUpdate(ItemOperation operation) {
    return new ItemUpdateBuilder(operation);
  }

  public ItemUpdateBuilder inProject(String project) {
    this.project = project;
    return this;
  }

  public ItemUpdateBuilder of(String itemType, String itemId) {
    this.itemType = itemType;
    this.itemId = itemId;
    return this;
  }

  public ItemUpdateBuilder at(String isoInstant) {
    this.time = Instant.parse(isoInstant);
    return this;
  }

  public ItemUpdateBuilder withInsertId(String insertId) {
    this.insertId = insertId;
    return this;
  }

  public ItemUpdateBuilder with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  public ItemUpdate build() {
    return new ItemUpdate(
        project, itemType, itemId, operation, properties, time, insertId, time.plusMillis(250));
  }
}
