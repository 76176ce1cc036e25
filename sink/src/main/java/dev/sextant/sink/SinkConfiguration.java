package dev.sextant.sink;

import dev.sextant.registry.columns.PlanPropertyTypes;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.EventStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The sink: Kafka batch listeners that load events, profile updates, item updates and quarantined
 * records into the event store. The process supplies the {@link EventStore} (ClickHouse in
 * distributed mode) and the {@link PlanStorage} whose plans type new property columns.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SinkProperties.class, SinkTopics.class})
public class SinkConfiguration {

  @Bean
  EventBatchWriter eventBatchWriter(
      EventStore store,
      PlanStorage plans,
      KafkaOperations<String, String> kafka,
      SinkProperties sink,
      MeterRegistry meters) {
    return new EventBatchWriter(
        store,
        new PlanPropertyTypes(plans),
        new KafkaDeadLetters(kafka, sink.deadLetterSuffix()),
        new SinkMetrics(meters));
  }

  /**
   * Retries a batch the store refused (e.g. ClickHouse briefly down) with exponential back-off,
   * without end: the events wait safely in Kafka and nothing is committed meanwhile.
   */
  @Bean
  DefaultErrorHandler sinkErrorHandler(SinkProperties sink) {
    ExponentialBackOff backOff = new ExponentialBackOff(sink.retryInterval().toMillis(), 2.0);
    backOff.setMaxInterval(sink.maxRetryInterval().toMillis());
    return new DefaultErrorHandler(backOff);
  }

  @Bean
  ConcurrentMessageListenerContainer<String, String> eventsListener(
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventBatchWriter writer,
      SinkTopics topics) {
    ConcurrentMessageListenerContainer<String, String> container =
        container(factory, topics.eventsTopic(), writer.events());
    container.getContainerProperties().setConsumerRebalanceListener(writer.rebalanceListener());
    return container;
  }

  @Bean
  ConcurrentMessageListenerContainer<String, String> quarantineListener(
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventBatchWriter writer,
      SinkTopics topics) {
    return container(factory, topics.quarantineTopic(), writer.quarantine());
  }

  @Bean
  ConcurrentMessageListenerContainer<String, String> profilesListener(
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventBatchWriter writer,
      SinkTopics topics) {
    return container(factory, topics.profilesTopic(), writer.profiles());
  }

  @Bean
  ConcurrentMessageListenerContainer<String, String> itemsListener(
      ConcurrentKafkaListenerContainerFactory<String, String> factory,
      EventBatchWriter writer,
      SinkTopics topics) {
    return container(factory, topics.itemsTopic(), writer.items());
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
