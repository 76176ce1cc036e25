package dev.sextant.event.profile;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One accepted change to a user's profile, as a Sensors {@code profile_*} record sent it. Updates
 * are kept as a log and folded into the latest profile when it is read ({@link ProfileFolding}), so
 * their order is their time, then their {@code insertId}, never their arrival.
 *
 * <p>The values must suit the operation, so that folding never meets a value it cannot apply:
 * {@link ProfileOperation#INCREMENT} takes numbers ({@code Long} or {@code BigDecimal}), {@link
 * ProfileOperation#APPEND} lists of strings, {@link ProfileOperation#UNSET} names (the values are
 * whatever the SDK sent, usually {@code true}, and mean nothing), {@link ProfileOperation#DELETE}
 * no properties at all.
 *
 * @param project the project the user belongs to
 * @param distinctId the id the update was sent under (anonymous or login id)
 * @param operation what the update does
 * @param properties the properties it sets, adds to, appends to or removes
 * @param time when the update happened, as the client reported it (millisecond precision)
 * @param insertId the collector-assigned de-duplication key, as for events
 * @param receivedAt when the collector accepted the update
 */
public record ProfileUpdate(
    String project,
    String distinctId,
    ProfileOperation operation,
    Map<String, Object> properties,
    Instant time,
    String insertId,
    Instant receivedAt) {

  /** The order in which updates apply: by time, then by insert id, whatever their arrival. */
  public static final Comparator<ProfileUpdate> ORDER =
      Comparator.comparing(ProfileUpdate::time).thenComparing(ProfileUpdate::insertId);

  public ProfileUpdate {
    requireText(project, "project");
    requireText(distinctId, "distinctId");
    requireText(insertId, "insertId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(receivedAt, "receivedAt");
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    properties.forEach((name, value) -> requireFits(operation, name, value));
    if (operation == ProfileOperation.DELETE && !properties.isEmpty()) {
      throw new IllegalArgumentException("a profile delete has no properties: " + properties);
    }
  }

  /** Whether {@code value} is one an update of {@code operation} can carry. */
  public static boolean fits(ProfileOperation operation, Object value) {
    return switch (operation) {
      case SET, SET_ONCE -> isPropertyValue(value);
      case INCREMENT -> value instanceof Long || value instanceof java.math.BigDecimal;
      case APPEND -> isListOfStrings(value);
      case UNSET -> true;
      case DELETE -> false;
    };
  }

  private static void requireFits(ProfileOperation operation, String name, Object value) {
    requireText(name, "property name");
    if (!fits(operation, value)) {
      throw new IllegalArgumentException(
          "a profile %s cannot carry %s = %s"
              .formatted(operation, name, value == null ? "null" : value.getClass().getName()));
    }
  }

  private static boolean isPropertyValue(Object value) {
    return value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof java.math.BigDecimal
        || isListOfStrings(value);
  }

  private static boolean isListOfStrings(Object value) {
    return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
