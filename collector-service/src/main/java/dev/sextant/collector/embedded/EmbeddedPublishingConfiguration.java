package dev.sextant.collector.embedded;

import dev.sextant.collector.ingest.EventPublisher;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Embedded mode: the collector writes straight into the process's event store. */
@Configuration(proxyBeanMethods = false)
public class EmbeddedPublishingConfiguration {

  @Bean
  EventPublisher storeEventPublisher(EventStore store, PlanStorage plans) {
    return new StoreEventPublisher(store, plans);
  }
}
