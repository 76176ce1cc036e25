package dev.sextant.registry.plan;

/**
 * Where an event or a property is in its life. Records are validated the same way in every status;
 * the status says who may rely on the definition and how it may change (see {@code
 * docs/tracking-plan.md}).
 */
public enum DefinitionStatus {
  /** Proposed or registered from data by a permissive project; may be changed or removed freely. */
  DRAFT,
  /** Agreed and in use; it can be removed only after it has been deprecated. */
  ACTIVE,
  /** Still accepted from old app versions, no longer to be used; may be removed. */
  DEPRECATED,
  /** Accepted and stored, but left out of analysis pickers; may be removed. */
  HIDDEN;

  /** Whether a plan may drop a definition in this status in one step. */
  public boolean isRemovable() {
    return this != ACTIVE;
  }
}
