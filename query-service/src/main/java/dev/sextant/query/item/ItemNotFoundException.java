package dev.sextant.query.item;

/** The item does not exist: no set was ever sent for it, or the last update deleted it. */
public final class ItemNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ItemNotFoundException(String project, String itemType, String itemId) {
    super("item " + itemType + "/" + itemId + " of project " + project + " does not exist");
  }
}
