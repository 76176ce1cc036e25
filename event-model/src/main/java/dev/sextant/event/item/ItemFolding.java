package dev.sextant.event.item;

import java.util.List;
import java.util.Optional;

/**
 * The Sensors item semantics: an {@code item_set} gives the item all its properties, replacing what
 * was there; an {@code item_delete} removes it, and a later set creates it again. So the latest
 * item is the last update in {@link ItemUpdate#ORDER} (time, then insert id), unless that update is
 * a delete. Both stores read the update log and fold it here, so both engines give the same item by
 * construction. Pure: no clock, no I/O.
 */
public final class ItemFolding {

  private ItemFolding() {}

  /**
   * The item the updates make, in any order given; empty when there are none or the last is a
   * delete.
   *
   * @param updates the updates of one item (one type and id)
   * @throws IllegalArgumentException if the updates are of more than one item
   */
  public static Optional<Item> fold(List<ItemUpdate> updates) {
    if (updates.isEmpty()) {
      return Optional.empty();
    }
    ItemUpdate first = updates.getFirst();
    for (ItemUpdate update : updates) {
      if (!update.project().equals(first.project())
          || !update.itemType().equals(first.itemType())
          || !update.itemId().equals(first.itemId())) {
        throw new IllegalArgumentException("updates of more than one item cannot be folded");
      }
    }
    ItemUpdate last = updates.stream().max(ItemUpdate.ORDER).orElseThrow();
    return switch (last.operation()) {
      case DELETE -> Optional.empty();
      case SET ->
          Optional.of(new Item(last.itemType(), last.itemId(), last.properties(), last.time()));
    };
  }
}
