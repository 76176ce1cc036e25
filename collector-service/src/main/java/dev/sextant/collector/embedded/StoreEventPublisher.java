package dev.sextant.collector.embedded;

import dev.sextant.collector.ingest.EventPublisher;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.registry.columns.PlanPropertyTypes;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.EventStore;
import dev.sextant.store.PropertyTypes;
import java.util.List;

/**
 * Embedded mode: writes through to the event store (events, profile and item updates, quarantined
 * records), which is durable on return. The store adds the columns of new properties with their
 * types from the project's plan.
 */
public final class StoreEventPublisher implements EventPublisher {

  private final EventStore store;
  private final PropertyTypes types;

  public StoreEventPublisher(EventStore store, PlanStorage plans) {
    this.store = store;
    this.types = new PlanPropertyTypes(plans);
  }

  @Override
  public void publish(
      List<TrackedEvent> accepted,
      List<ProfileUpdate> profiles,
      List<ItemUpdate> items,
      List<QuarantinedRecord> quarantined) {
    if (!accepted.isEmpty()) {
      store.append(accepted, types);
    }
    if (!profiles.isEmpty()) {
      store.appendProfileUpdates(profiles);
    }
    if (!items.isEmpty()) {
      store.appendItemUpdates(items);
    }
    if (!quarantined.isEmpty()) {
      store.quarantine(quarantined);
    }
  }
}
