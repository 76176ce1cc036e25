package dev.sextant.registry.plan;

/** Which side sends an event or a property: the app or web page, the server, or both. */
public enum CollectedBy {
  FRONT_END,
  BACK_END,
  BOTH
}
