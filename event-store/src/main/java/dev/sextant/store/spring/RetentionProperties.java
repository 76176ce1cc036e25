package dev.sextant.store.spring;

import dev.sextant.store.retention.RetentionPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long events are kept ({@code sextant.retention.*}, docs/configuration.md).
 *
 * @param projects per project, the months kept before the current one, e.g. {@code
 *     sextant.retention.projects.p2p.keep-months=60}; projects not listed keep everything
 * @param initialDelay how long after start the job first looks
 * @param checkInterval how often it looks again for months to drop
 */
@ConfigurationProperties("sextant.retention")
public record RetentionProperties(
    @DefaultValue Map<String, ProjectRetention> projects,
    @DefaultValue("1m") Duration initialDelay,
    @DefaultValue("1h") Duration checkInterval) {

  public RetentionProperties {
    projects = Map.copyOf(projects);
    if (checkInterval.isNegative() || checkInterval.isZero() || initialDelay.isNegative()) {
      throw new IllegalArgumentException(
          "sextant.retention.check-interval must be positive, initial-delay not negative");
    }
    // Fail at start-up on a bad value (fields are not assigned yet: use the parameter).
    policyOf(projects);
  }

  /** One project's retention: months kept before the current month (UTC); 0 keeps everything. */
  public record ProjectRetention(@DefaultValue("0") int keepMonths) {}

  public RetentionPolicy policy() {
    return policyOf(projects);
  }

  private static RetentionPolicy policyOf(Map<String, ProjectRetention> projects) {
    Map<String, Integer> months = new LinkedHashMap<>();
    projects.forEach((project, retention) -> months.put(project, retention.keepMonths()));
    return new RetentionPolicy(months);
  }
}
