package dev.sextant.store;

/**
 * An event carries a property that has no column yet and whose type nobody knows. The batch is not
 * stored: a property is never dropped silently. After validation against the tracking plan this
 * should not happen.
 */
public final class UntypedPropertyException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public UntypedPropertyException(String project, String property) {
    super(
        "property %s of project %s has no column and no type; the batch was not stored"
            .formatted(property, project));
  }
}
