package dev.sextant.registry.plan;

/**
 * Settings that hold for a whole project.
 *
 * @param unknownDataPolicy what happens to events and properties the plan does not define; STRICT
 *     unless set
 * @param timeZone the zone in which DATETIME and DATE values are read and days are counted, an IANA
 *     id; {@value #DEFAULT_TIME_ZONE} unless set. It cannot change once a plan is saved.
 */
public record ProjectSettings(UnknownDataPolicy unknownDataPolicy, String timeZone) {

  public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

  /** Strict, in Asia/Shanghai. */
  public static final ProjectSettings DEFAULTS = new ProjectSettings(null, null);

  public ProjectSettings {
    unknownDataPolicy = unknownDataPolicy == null ? UnknownDataPolicy.STRICT : unknownDataPolicy;
    timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
  }

  public ProjectSettings withUnknownDataPolicy(UnknownDataPolicy policy) {
    return new ProjectSettings(policy, timeZone);
  }
}
