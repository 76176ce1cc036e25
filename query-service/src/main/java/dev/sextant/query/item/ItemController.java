package dev.sextant.query.item;

import dev.sextant.event.item.Item;
import dev.sextant.store.EventStore;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An item's latest state (物品: a product, an article), as the Sensors {@code item_set} and {@code
 * item_delete} records left it, folded from its update log in the order they happened.
 */
@RestController
public class ItemController {

  private final EventStore store;

  public ItemController(EventStore store) {
    this.store = store;
  }

  @GetMapping("/api/v1/projects/{project}/items/{itemType}/{itemId}")
  public ItemState item(
      @PathVariable String project, @PathVariable String itemType, @PathVariable String itemId) {
    Item item =
        store
            .findItem(project, itemType, itemId)
            .orElseThrow(() -> new ItemNotFoundException(project, itemType, itemId));
    return new ItemState(
        item.itemType(), item.itemId(), new TreeMap<>(item.properties()), item.updatedAt());
  }

  /**
   * The answer.
   *
   * @param itemType the kind of item
   * @param itemId the item's id within its type
   * @param properties the item's properties, by name
   * @param updatedAt the time of the set that made this state
   */
  public record ItemState(
      String itemType, String itemId, Map<String, Object> properties, Instant updatedAt) {}
}
