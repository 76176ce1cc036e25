package dev.sextant.registry.plan;

/** What the collector does with events and properties the plan does not define. */
public enum UnknownDataPolicy {
  /** Quarantine the record. */
  STRICT,
  /**
   * Accept the record and register the unknown event or property as a draft, with the type inferred
   * from the value. Type, enum, bound and PII violations of defined properties are still
   * quarantined.
   */
  PERMISSIVE
}
