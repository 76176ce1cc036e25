package dev.sextant.collector.kafka;

import dev.sextant.collector.ingest.EventDeliveryException;
import dev.sextant.collector.ingest.EventPublisher;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.json.EventJson;
import dev.sextant.event.profile.ProfileUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Distributed mode: sends events, profile updates, item updates and quarantined records to their
 * Kafka topics and returns once the broker acknowledged every one (the producer runs with {@code
 * acks=all}, idempotence on). Events and profile updates are keyed by project and distinct id, so
 * one user's records stay in order on one partition and the same id in two projects is two users;
 * item updates by project, item type and item id. Values are the {@link EventJson} text as UTF-8,
 * written as bytes ({@code ByteArraySerializer}): the same bytes a {@code StringSerializer} sent.
 */
public final class KafkaEventPublisher implements EventPublisher {

  private final KafkaTemplate<String, byte[]> kafka;
  private final CollectorKafkaProperties properties;
  private final EventJson json = new EventJson();

  public KafkaEventPublisher(
      KafkaTemplate<String, byte[]> kafka, CollectorKafkaProperties properties) {
    this.kafka = kafka;
    this.properties = properties;
  }

  @Override
  public void publish(
      List<TrackedEvent> accepted,
      List<ProfileUpdate> profiles,
      List<ItemUpdate> items,
      List<QuarantinedRecord> quarantined) {
    List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
    try {
      for (TrackedEvent event : accepted) {
        sends.add(kafka.send(properties.eventsTopic(), keyOf(event), json.writeEventUtf8(event)));
      }
      for (ProfileUpdate update : profiles) {
        sends.add(
            kafka.send(
                properties.profilesTopic(),
                keyOf(update.project(), update.distinctId()),
                json.writeProfileUpdateUtf8(update)));
      }
      for (ItemUpdate update : items) {
        sends.add(
            kafka.send(
                properties.itemsTopic(),
                keyOf(update),
                json.writeItemUpdate(update).getBytes(StandardCharsets.UTF_8)));
      }
      for (QuarantinedRecord record : quarantined) {
        sends.add(
            kafka.send(
                properties.quarantineTopic(),
                record.project(),
                json.writeQuarantined(record).getBytes(StandardCharsets.UTF_8)));
      }
    } catch (org.springframework.kafka.KafkaException | org.apache.kafka.common.KafkaException e) {
      // send() itself fails when the broker's metadata or buffer space does not come within
      // max.block.ms (the broker is away): nothing is acknowledged, the sender retries.
      throw new EventDeliveryException("Kafka did not take the events: " + e.getMessage(), e);
    }
    // No flush(): it would wait for every record buffered by every request, coupling each
    // request's latency to all others'. linger.ms bounds how long this request's records wait.
    awaitAll(sends, properties.sendTimeout());
  }

  /** {@code project:distinctId}; project names cannot contain {@code :}, so keys never collide. */
  static String keyOf(TrackedEvent event) {
    return keyOf(event.project(), event.distinctId());
  }

  static String keyOf(String project, String distinctId) {
    return project + ":" + distinctId;
  }

  /**
   * {@code project:item_type:item_id}, so one item's updates stay in order on one partition. Only
   * the partition depends on the key (the sink reads every update whole), so an item type holding
   * {@code :} is harmless.
   */
  static String keyOf(ItemUpdate update) {
    return update.project() + ":" + update.itemType() + ":" + update.itemId();
  }

  private static void awaitAll(
      List<CompletableFuture<SendResult<String, byte[]>>> sends, Duration timeout) {
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventDeliveryException("interrupted while waiting for Kafka", e);
    } catch (ExecutionException e) {
      throw new EventDeliveryException("Kafka refused the events: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new EventDeliveryException("Kafka did not acknowledge within " + timeout, e);
    }
  }
}
