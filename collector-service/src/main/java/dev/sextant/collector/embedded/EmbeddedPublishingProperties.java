package dev.sextant.collector.embedded;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded collector's group commit ({@code sextant.collector.embedded.*}, documented in {@code
 * docs/configuration.md}); an invalid value stops the process at start-up.
 *
 * @param maxGroupRecords the most records one transaction takes from the queue
 * @param maxGroupDelay how long a request may wait for others to share its transaction
 * @param queueCapacity the most records waiting to be stored; past it requests get 503
 */
@ConfigurationProperties("sextant.collector.embedded")
public record EmbeddedPublishingProperties(
    @DefaultValue("20000") int maxGroupRecords,
    @DefaultValue("0ms") Duration maxGroupDelay,
    @DefaultValue("50000") int queueCapacity) {

  public EmbeddedPublishingProperties {
    // Fail at start-up, naming the bad value, rather than on the first request.
    new GroupCommitPolicy(maxGroupRecords, maxGroupDelay, queueCapacity);
  }

  public GroupCommitPolicy policy() {
    return new GroupCommitPolicy(maxGroupRecords, maxGroupDelay, queueCapacity);
  }
}
