package dev.sextant.registry.history;

import java.util.Objects;

/**
 * One difference between two versions of a plan.
 *
 * @param kind added, removed or changed
 * @param path what changed, by name: {@code events.P2P_Invest}, {@code
 *     events.P2P_Invest.properties.amount.required}, {@code properties.result.values.timeout}
 * @param before the old value of a changed field; none for an addition or a whole item
 * @param after the new value of a changed field; none for a removal or a whole item
 */
public record PlanChange(Kind kind, String path, String before, String after) {

  /** What happened to the item at the path. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  public PlanChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
  }

  public static PlanChange added(String path) {
    return new PlanChange(Kind.ADDED, path, null, null);
  }

  public static PlanChange removed(String path) {
    return new PlanChange(Kind.REMOVED, path, null, null);
  }

  public static PlanChange changed(String path, String before, String after) {
    return new PlanChange(Kind.CHANGED, path, before, after);
  }
}
