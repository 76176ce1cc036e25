package dev.sextant.registry.plan;

/** How personal a property's values are, and what must happen to them before they are stored. */
public enum PiiClass {
  /** Not personal. */
  NONE,
  /** Personal: shown masked (e.g. a phone number as 138****5678). */
  MASK,
  /** Personal: stored only as a keyed hash, usable for joins but not readable. */
  HASH,
  /** Must never be collected: a record that carries it is quarantined. */
  FORBIDDEN
}
