package dev.sextant.registry.plan;

import java.util.regex.Pattern;

/** The shape every event and property name must have. */
final class PlanNames {

  /** Letters, digits and underscores, not starting with a digit; {@code $} only for presets. */
  private static final Pattern NAME = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]{0,99}");

  private PlanNames() {}

  static void requireName(String name, String kind) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid " + kind + " name '" + name + "': use letters, digits and _ (at most 100)");
    }
  }
}
