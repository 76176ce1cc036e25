package dev.sextant.sink;

import dev.sextant.store.EventStore;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The sink: Kafka batch listeners that load events and quarantined records into the event store.
 * The process supplies the {@link EventStore} (ClickHouse in distributed mode).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SinkProperties.class, SinkTopics.class})
public class SinkConfiguration {

  @Bean
  EventBatchWriter eventBatchWriter(EventStore store) {
    return new EventBatchWriter(store);
  }

  /**
   * Retries a failing batch (e.g. the store is briefly down); a record that still cannot be stored
   * goes to {@code <topic>.dlt} with the exception in its headers, so it never blocks its
   * partition.
   */
  @Bean
  DefaultErrorHandler sinkErrorHandler(KafkaOperations<?, ?> kafka, SinkProperties sink) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            kafka,
            (record, e) ->
                new TopicPartition(record.topic() + sink.deadLetterSuffix(), record.partition()));
    return new DefaultErrorHandler(
        recoverer,
        new FixedBackOff(sink.retryInterval().toMillis(), Math.max(0, sink.maxAttempts() - 1L)));
  }

  @Bean
  ConcurrentMessageListenerContainer<String, String> eventsListener(
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventBatchWriter writer,
      SinkTopics topics) {
    return container(factory, topics.eventsTopic(), writer.events());
  }

  @Bean
  ConcurrentMessageListenerContainer<String, String> quarantineListener(
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventBatchWriter writer,
      SinkTopics topics) {
    return container(factory, topics.quarantineTopic(), writer.quarantine());
  }

  private static ConcurrentMessageListenerContainer<String, String> container(
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      String topic,
      BatchMessageListener<String, String> listener) {
    // Batch mode comes from spring.kafka.listener.type=batch in sink.yml.
    ConcurrentMessageListenerContainer<String, String> container = factory.createContainer(topic);
    container.getContainerProperties().setClientId("sextant-sink-" + topic);
    container.setupMessageListener(listener);
    return container;
  }
}
