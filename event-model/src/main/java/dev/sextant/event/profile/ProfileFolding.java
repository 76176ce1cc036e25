package dev.sextant.event.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Sensors profile semantics: applies a user's updates, in {@link ProfileUpdate#ORDER}, to an
 * empty profile. Both stores read the update log and fold it here, so both engines give the same
 * profile by construction. Pure: no clock, no I/O.
 *
 * <ul>
 *   <li>SET overwrites each property; SET_ONCE sets only properties the profile has no value for.
 *   <li>INCREMENT adds to a number (absent counts as 0); integers stay {@code Long} until they
 *       would overflow, anything with a decimal is a {@code BigDecimal}. A property holding
 *       something other than a number is left as it is.
 *   <li>APPEND adds the values at the end of a list (absent counts as empty), duplicates kept: the
 *       Sensors SDKs describe it as adding values to a list, not to a set. A property holding
 *       something other than a list is left as it is; appending nothing creates nothing.
 *   <li>UNSET removes the named properties.
 *   <li>DELETE removes the whole profile; a later update starts a new one.
 * </ul>
 *
 * A profile exists once an update other than DELETE applied after the last DELETE, even when it has
 * no properties left (all unset).
 */
public final class ProfileFolding {

  private ProfileFolding() {}

  /** The profile the updates make, in any order given; empty when there is none. */
  public static Optional<Profile> fold(List<ProfileUpdate> updates) {
    List<ProfileUpdate> ordered = new ArrayList<>(updates);
    ordered.sort(ProfileUpdate.ORDER);
    Map<String, Object> properties = new LinkedHashMap<>();
    ProfileUpdate last = null;
    for (ProfileUpdate update : ordered) {
      if (update.operation() == ProfileOperation.DELETE) {
        properties.clear();
        last = null;
      } else {
        apply(update, properties);
        last = update;
      }
    }
    return last == null ? Optional.empty() : Optional.of(new Profile(properties, last.time()));
  }

  private static void apply(ProfileUpdate update, Map<String, Object> properties) {
    update.properties().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(property -> {
          String name = property.getKey();
          Object value = property.getValue();
          switch (update.operation()) {
            case SET -> properties.put(name, value);
            case SET_ONCE -> properties.putIfAbsent(name, value);
            case INCREMENT -> increment(properties, name, (Number) value);
            case APPEND -> append(properties, name, (List<?>) value);
            case UNSET -> properties.remove(name);
            case DELETE -> throw new IllegalStateException("a delete has no properties");
          }
        });
  }

  private static void increment(Map<String, Object> properties, String name, Number by) {
    Object current = properties.getOrDefault(name, 0L);
    if (current instanceof Number number) {
      properties.put(name, add(number, by));
    }
  }

  /** Exact sums: {@code Long} while it fits, {@code BigDecimal} otherwise. */
  static Number add(Number left, Number right) {
    if (left instanceof Long a && right instanceof Long b) {
      long sum = a + b;
      // Overflow iff both operands have the sign the sum lacks (Math.addExact's test, no throw).
      if (((a ^ sum) & (b ^ sum)) >= 0) {
        return sum;
      }
    }
    return decimal(left).add(decimal(right));
  }

  private static BigDecimal decimal(Number number) {
    return number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(number.longValue());
  }

  private static void append(Map<String, Object> properties, String name, List<?> values) {
    Object current = properties.get(name);
    if (current == null) {
      if (!values.isEmpty()) {
        properties.put(name, List.copyOf(values));
      }
    } else if (current instanceof List<?> list) {
      List<Object> appended = new ArrayList<>(list);
      appended.addAll(values);
      properties.put(name, List.copyOf(appended));
    }
  }
}
