package dev.sextant.event.item;

/**
 * What an item update does to an item (物品, e.g. a product or an article): the Sensors record types
 * {@code item_set} and {@code item_delete}. {@link ItemFolding} gives each its meaning.
 */
public enum ItemOperation {
  /** Sets the whole item: its properties become the update's, replacing what was there. */
  SET,
  /** Deletes the item. */
  DELETE
}
