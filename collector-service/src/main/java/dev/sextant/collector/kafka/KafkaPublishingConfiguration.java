package dev.sextant.collector.kafka;

import dev.sextant.collector.ingest.EventPublisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Distributed mode: the collector publishes to Kafka. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectorKafkaProperties.class)
public class KafkaPublishingConfiguration {

  @Bean
  EventPublisher kafkaEventPublisher(
      KafkaTemplate<String, byte[]> kafka, CollectorKafkaProperties properties) {
    return new KafkaEventPublisher(kafka, properties);
  }
}
