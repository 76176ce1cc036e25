package dev.sextant.store;

import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a writer hands to the store at once: accepted events, profile and item updates and
 * quarantined records, of any projects ({@link EventStore#write}).
 */
public record WriteBatch(
    List<TrackedEvent> events,
    List<ProfileUpdate> profileUpdates,
    List<ItemUpdate> itemUpdates,
    List<QuarantinedRecord> quarantined) {

  public static final WriteBatch EMPTY = new WriteBatch(List.of(), List.of(), List.of(), List.of());

  public WriteBatch {
    events = List.copyOf(events);
    profileUpdates = List.copyOf(profileUpdates);
    itemUpdates = List.copyOf(itemUpdates);
    quarantined = List.copyOf(quarantined);
  }

  /** How many records the batch holds, of every kind. */
  public int size() {
    return events.size() + profileUpdates.size() + itemUpdates.size() + quarantined.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** The batches' records in one batch, each kind in the batches' order. */
  public static WriteBatch concat(List<WriteBatch> batches) {
    if (batches.size() == 1) {
      return batches.getFirst();
    }
    List<TrackedEvent> events = new ArrayList<>();
    List<ProfileUpdate> profiles = new ArrayList<>();
    List<ItemUpdate> items = new ArrayList<>();
    List<QuarantinedRecord> quarantined = new ArrayList<>();
    for (WriteBatch batch : batches) {
      events.addAll(batch.events);
      profiles.addAll(batch.profileUpdates);
      items.addAll(batch.itemUpdates);
      quarantined.addAll(batch.quarantined);
    }
    return new WriteBatch(events, profiles, items, quarantined);
  }
}
