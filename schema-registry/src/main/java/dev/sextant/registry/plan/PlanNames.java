package dev.sextant.registry.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The shape every name in a plan must have: an ASCII letter, then letters, digits and {@code _}, at
 * most {@value #MAX_LENGTH} characters, and none of the reserved names. {@code $} names belong to
 * the system (the SDKs' presets). These are the Sensors Analytics rules, so that plans and SDK code
 * move between the two.
 */
public final class PlanNames {

  public static final int MAX_LENGTH = 100;

  /**
   * Names a property or an event may not have, compared ignoring case: the columns every stored
   * event has (in Sensors and in Sextant's event tables), which a property would collide with.
   */
  public static final Set<String> RESERVED =
      Set.of(
          "date",
          "datetime",
          "distinct_id",
          "event",
          "events",
          "event_date",
          "first_id",
          "id",
          "insert_id",
          "original_id",
          "device_id",
          "project",
          "properties",
          "received_at",
          "received_at_ms",
          "second_id",
          "time",
          "time_ms",
          "track_id",
          "type",
          "user_id",
          "users");

  /** What is wrong with a name. */
  public enum Problem {
    MISSING,
    TOO_LONG,
    INVALID_CHARACTERS,
    RESERVED,
    SYSTEM_NAME
  }

  private PlanNames() {}

  /** What is wrong with a name people chose (not a preset), if anything. */
  public static Optional<Problem> problemWith(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of(Problem.MISSING);
    }
    if (name.charAt(0) == '$') {
      return Optional.of(Problem.SYSTEM_NAME);
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of(Problem.TOO_LONG);
    }
    if (!hasValidCharacters(name)) {
      return Optional.of(Problem.INVALID_CHARACTERS);
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of(Problem.RESERVED);
    }
    return Optional.empty();
  }

  /** A sentence for people about a problem with a name of some kind ("event", "property"). */
  public static String describe(Problem problem, String kind, String name) {
    return switch (problem) {
      case MISSING -> "a " + kind + " needs a name";
      case TOO_LONG ->
          kind + " name '" + abbreviate(name) + "' is longer than " + MAX_LENGTH + " characters";
      case INVALID_CHARACTERS ->
          kind
              + " name '"
              + name
              + "' must start with a letter and hold only letters, digits and _";
      case RESERVED -> kind + " name '" + name + "' is reserved";
      case SYSTEM_NAME ->
          kind + " name '" + name + "' starts with $, which only the system's presets may use";
    };
  }

  private static boolean hasValidCharacters(String name) {
    if (!isAsciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String abbreviate(String name) {
    return name.length() <= 40 ? name : name.substring(0, 40) + "…";
  }
}
