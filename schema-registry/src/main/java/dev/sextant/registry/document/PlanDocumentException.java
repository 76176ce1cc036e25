package dev.sextant.registry.document;

/**
 * A plan document (YAML or JSON) that cannot be read: broken syntax, an unknown field, a bad value.
 */
public final class PlanDocumentException extends RuntimeException {

  private final String path;

  public PlanDocumentException(String path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** Where in the document, e.g. {@code events[2].status}; empty for the document as a whole. */
  public String path() {
    return path;
  }
}
