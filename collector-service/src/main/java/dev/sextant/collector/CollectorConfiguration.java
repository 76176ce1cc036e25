package dev.sextant.collector;

import dev.sextant.collector.access.ApiKeyAuthenticator;
import dev.sextant.collector.drafts.PlanEditorDrafts;
import dev.sextant.collector.enrich.RequestEnrichment;
import dev.sextant.collector.enrich.UserAgentProperties;
import dev.sextant.collector.ingest.EventIngestion;
import dev.sextant.collector.ingest.EventPublisher;
import dev.sextant.collector.ingest.InsertIds;
import dev.sextant.collector.ingest.TrackIdWindow;
import dev.sextant.collector.ratelimit.RateLimits;
import dev.sextant.collector.web.CollectorMetrics;
import dev.sextant.collector.web.CollectorProblems;
import dev.sextant.collector.web.EventsController;
import dev.sextant.collector.web.RequestRateLimits;
import dev.sextant.collector.web.SensorsController;
import dev.sextant.registry.editing.PlanEditor;
import dev.sextant.registry.keys.PiiKeys;
import dev.sextant.registry.keys.ProjectKeys;
import dev.sextant.registry.storage.PlanStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The collector: its HTTP APIs (native and Sensors SDK), ingestion, enrichment and metrics. The
 * process that includes it supplies the {@link EventPublisher} (the event store when embedded,
 * Kafka when distributed), the {@link PlanStorage}, the {@link ProjectKeys} and {@link PiiKeys}
 * (from the registry's configuration) and a {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectorProperties.class)
@Import({EventsController.class, SensorsController.class, CollectorProblems.class})
public class CollectorConfiguration {

  @Bean
  EventIngestion eventIngestion(
      PlanStorage plans,
      EventPublisher publisher,
      Clock clock,
      CollectorProperties properties,
      PiiKeys piiKeys) {
    return new EventIngestion(
        plans,
        publisher,
        new PlanEditorDrafts(new PlanEditor(plans)),
        clock,
        InsertIds.random(),
        properties.eventTime().ranges(),
        TrackIdWindow.of(properties.trackIdWindow(), properties.trackIdCacheSize(), clock),
        piiKeys::hashKeyOf);
  }

  @Bean
  ApiKeyAuthenticator apiKeyAuthenticator(
      ProjectKeys keys,
      CollectorProperties properties,
      Clock clock,
      ObjectProvider<MeterRegistry> registry) {
    CollectorProperties.ApiKeys settings = properties.apiKeys();
    return new ApiKeyAuthenticator(
        keys,
        settings::requiredFor,
        settings.cacheTtl(),
        clock,
        registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  RequestEnrichment requestEnrichment(CollectorProperties properties) {
    return new RequestEnrichment(
        properties.proxies(), UserAgentProperties.create(properties.userAgentCacheSize()));
  }

  @Bean
  RequestRateLimits requestRateLimits(
      CollectorProperties properties,
      RequestEnrichment enrichment,
      CollectorMetrics metrics,
      Clock clock) {
    CollectorProperties.RateLimit limits = properties.rateLimit();
    return new RequestRateLimits(
        new RateLimits(
            limits.projectRecords(),
            limits.projectRates(),
            limits.clientRequests(),
            limits.maxBuckets(),
            clock),
        enrichment,
        metrics);
  }

  @Bean
  CollectorMetrics collectorMetrics(ObjectProvider<MeterRegistry> registry) {
    return new CollectorMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
  }
}
