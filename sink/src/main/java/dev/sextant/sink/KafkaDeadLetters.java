package dev.sextant.sink;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Parks unreadable records on {@code <topic><suffix>} (e.g. {@code sextant.events.dlt}) with the
 * reason and the record's origin in headers, keeping key and value as they were.
 */
final class KafkaDeadLetters implements DeadLetters {

  static final String REASON_HEADER = "sextant-dlt-reason";
  static final String ORIGIN_HEADER = "sextant-dlt-origin";

  private final KafkaOperations<String, String> kafka;
  private final String suffix;

  KafkaDeadLetters(KafkaOperations<String, String> kafka, String suffix) {
    this.kafka = kafka;
    this.suffix = suffix;
  }

  @Override
  public void park(ConsumerRecord<String, String> record, String reason) {
    ProducerRecord<String, String> dead =
        new ProducerRecord<>(record.topic() + suffix, record.key(), record.value());
    dead.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
    dead.headers().add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
    try {
      kafka.send(dead).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parking " + origin, e);
    } catch (ExecutionException | TimeoutException e) {
      // Thrown on: the batch is retried rather than the record lost.
      throw new IllegalStateException("could not park " + origin + " on the dead-letter topic", e);
    }
  }
}
