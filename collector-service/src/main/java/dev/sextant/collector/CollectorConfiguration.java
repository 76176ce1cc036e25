package dev.sextant.collector;

import dev.sextant.collector.ingest.EventIngestion;
import dev.sextant.collector.ingest.EventPublisher;
import dev.sextant.collector.web.CollectorProblems;
import dev.sextant.collector.web.EventsController;
import dev.sextant.registry.storage.PlanStorage;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The collector: its HTTP API and ingestion. The process that includes it supplies the {@link
 * EventPublisher} (the event store when embedded, Kafka when distributed), the {@link PlanStorage}
 * and a {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
@Import({EventsController.class, CollectorProblems.class})
public class CollectorConfiguration {

  @Bean
  EventIngestion eventIngestion(PlanStorage plans, EventPublisher publisher, Clock clock) {
    return new EventIngestion(plans, publisher, clock, () -> UUID.randomUUID().toString());
  }
}
