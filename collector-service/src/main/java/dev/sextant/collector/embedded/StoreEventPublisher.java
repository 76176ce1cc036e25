package dev.sextant.collector.embedded;

import dev.sextant.collector.ingest.EventPublisher;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.store.WriteBatch;
import java.util.List;

/**
 * Embedded mode: writes through to the event store (events, profile and item updates, quarantined
 * records) through the {@link GroupCommitter}, and returns once the transaction holding the
 * request's records committed. The store adds the columns of new properties with their types from
 * the project's plan.
 */
public final class StoreEventPublisher implements EventPublisher {

  private final GroupCommitter committer;

  public StoreEventPublisher(GroupCommitter committer) {
    this.committer = committer;
  }

  @Override
  public void publish(
      List<TrackedEvent> accepted,
      List<ProfileUpdate> profiles,
      List<ItemUpdate> items,
      List<QuarantinedRecord> quarantined) {
    committer.commit(new WriteBatch(accepted, profiles, items, quarantined));
  }
}
