package dev.sextant.store;

import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test profile updates: {@code aProfileUpdate(SET).by("u1").with("city", "Beijing").at(t).build()}.
 */
public final class ProfileUpdateBuilder {

  private final ProfileOperation operation;
  private String project = "demo";
  private String distinctId = "user-1";
  private Instant time = Instant.parse("2026-11-23T02:03:04.567Z");
  private String insertId = UUID.randomUUID().toString();
  private final Map<String, Object> properties = new LinkedHashMap<>();

  private ProfileUpdateBuilder(ProfileOperation operation) {
    this.operation = operation;
  }

  public static ProfileUpdateBuilder aProfileUpdate(ProfileOperation operation) {
    return new ProfileUpdateBuilder(operation);
  }

  public ProfileUpdateBuilder inProject(String project) {
    this.project = project;
    return this;
  }

  public ProfileUpdateBuilder by(String distinctId) {
    this.distinctId = distinctId;
    return this;
  }

  public ProfileUpdateBuilder at(String isoInstant) {
    this.time = Instant.parse(isoInstant);
    return this;
  }

  public ProfileUpdateBuilder withInsertId(String insertId) {
    this.insertId = insertId;
    return this;
  }

  public ProfileUpdateBuilder with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  public ProfileUpdate build() {
    return new ProfileUpdate(
        project, distinctId, operation, properties, time, insertId, time.plusMillis(250));
  }
}
