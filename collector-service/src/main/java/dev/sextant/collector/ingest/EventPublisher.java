package dev.sextant.collector.ingest;

import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileUpdate;
import java.util.List;

/**
 * Where the collector hands over what it received: straight into the event store (embedded mode) or
 * to Kafka for the sink (distributed mode). Durable when the method returns: only then does the
 * collector acknowledge the client.
 */
public interface EventPublisher {

  void publish(
      List<TrackedEvent> accepted,
      List<ProfileUpdate> profiles,
      List<ItemUpdate> items,
      List<QuarantinedRecord> quarantined);

  /**
   * Publishes events and quarantined records of a request that holds no profile or item updates.
   */
  default void publish(List<TrackedEvent> accepted, List<QuarantinedRecord> quarantined) {
    publish(accepted, List.of(), List.of(), quarantined);
  }
}
