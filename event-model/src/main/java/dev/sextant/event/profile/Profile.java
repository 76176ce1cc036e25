package dev.sextant.event.profile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A user's latest profile: what {@link ProfileFolding} makes of the user's updates.
 *
 * @param properties the user properties: String, Boolean, Long, BigDecimal or List of String
 * @param updatedAt the time of the last update applied since the profile was last created
 */
public record Profile(Map<String, Object> properties, Instant updatedAt) {

  public Profile {
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
