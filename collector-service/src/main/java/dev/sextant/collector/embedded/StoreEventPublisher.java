package dev.sextant.collector.embedded;

import dev.sextant.collector.ingest.EventPublisher;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.store.EventStore;
import java.util.List;

/** Embedded mode: writes through to the event store, which is durable on return. */
public final class StoreEventPublisher implements EventPublisher {

  private final EventStore store;

  public StoreEventPublisher(EventStore store) {
    this.store = store;
  }

  @Override
  public void publish(List<TrackedEvent> accepted, List<QuarantinedRecord> quarantined) {
    if (!accepted.isEmpty()) {
      store.append(accepted);
    }
    if (!quarantined.isEmpty()) {
      store.quarantine(quarantined);
    }
  }
}
