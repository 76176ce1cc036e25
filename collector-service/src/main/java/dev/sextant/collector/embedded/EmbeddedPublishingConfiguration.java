package dev.sextant.collector.embedded;

import dev.sextant.collector.ingest.EventPublisher;
import dev.sextant.registry.columns.PlanPropertyTypes;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.EventStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode: the collector writes straight into the process's event store, requests grouped
 * into shared transactions by the {@link GroupCommitter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedPublishingProperties.class)
public class EmbeddedPublishingConfiguration {

  /** Closed (drained) by the context before the store it writes to. */
  @Bean
  GroupCommitter groupCommitter(
      EventStore store,
      PlanStorage plans,
      EmbeddedPublishingProperties properties,
      ObjectProvider<MeterRegistry> registry) {
    return new GroupCommitter(
        store,
        new PlanPropertyTypes(plans),
        properties.policy(),
        registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  EventPublisher storeEventPublisher(GroupCommitter committer) {
    return new StoreEventPublisher(committer);
  }
}
