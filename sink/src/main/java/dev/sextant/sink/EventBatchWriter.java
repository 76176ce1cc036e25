package dev.sextant.sink;

import dev.sextant.event.json.EventJson;
import dev.sextant.store.EventStore;
import dev.sextant.store.PropertyTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Stores each polled batch (events, profile updates, item updates or quarantined records) in the
 * event store in one insert. The listener container commits the batch's offsets only after this
 * returns, i.e. after the store accepted the rows; if the sink dies in between, the batch is
 * delivered again (at least once). Every row carries the collector's {@code insert_id}, the key on
 * which the event store de-duplicates. Before the insert the store adds the columns of properties
 * new to it, with their types from the project's plan ({@link PropertyTypes}); a property no plan
 * types fails the batch, which is retried rather than dropped.
 *
 * <p>A record that cannot be read is parked on the dead-letter topic and the rest of the batch is
 * stored: one bad record never blocks its partition. If the store refuses the batch, this throws
 * and the container retries the whole batch with back-off.
 */
final class EventBatchWriter {

  private final EventStore store;
  private final PropertyTypes types;
  private final DeadLetters deadLetters;
  private final SinkMetrics metrics;
  private final EventJson json = new EventJson();

  EventBatchWriter(
      EventStore store, PropertyTypes types, DeadLetters deadLetters, SinkMetrics metrics) {
    this.store = store;
    this.types = types;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /**
   * Partitions whose next batch may hold events already stored: just assigned (the previous owner
   * may have inserted without committing) or after a failed insert (which may have been applied).
   * Their batches go through {@link EventStore#appendRedelivered}; the others, the steady state,
   * through the cheaper {@link EventStore#append}.
   */
  private final Set<TopicPartition> redelivering = ConcurrentHashMap.newKeySet();

  /** Registered on the events container, so assignments mark partitions as redelivering. */
  ConsumerRebalanceListener rebalanceListener() {
    return new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        redelivering.addAll(partitions);
      }

      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        redelivering.removeAll(partitions);
      }
    };
  }

  BatchMessageListener<String, String> events() {
    return records -> {
      Set<TopicPartition> partitions = new HashSet<>();
      records.forEach(r -> partitions.add(new TopicPartition(r.topic(), r.partition())));
      boolean suspect = partitions.stream().anyMatch(redelivering::contains);
      try {
        write(
            SinkMetrics.EVENTS,
            records,
            json::readEvent,
            events -> {
              if (suspect) {
                store.appendRedelivered(events, types);
              } else {
                store.append(events, types);
              }
            });
      } catch (RuntimeException e) {
        redelivering.addAll(partitions);
        throw e;
      }
      redelivering.removeAll(partitions);
    };
  }

  /**
   * Profile updates need no redelivery check: the store keeps each {@code insert_id} once whichever
   * way it is appended (a unique key, or de-duplicating reads of the update log).
   */
  BatchMessageListener<String, String> profiles() {
    return records ->
        write(SinkMetrics.PROFILES, records, json::readProfileUpdate, store::appendProfileUpdates);
  }

  /** Item updates, like profile updates, are idempotent in the store: no redelivery check. */
  BatchMessageListener<String, String> items() {
    return records ->
        write(SinkMetrics.ITEMS, records, json::readItemUpdate, store::appendItemUpdates);
  }

  BatchMessageListener<String, String> quarantine() {
    return records ->
        write(SinkMetrics.QUARANTINE, records, json::readQuarantined, store::quarantine);
  }

  private <T> void write(
      String kind,
      List<ConsumerRecord<String, String>> records,
      Function<String, T> reader,
      Consumer<List<T>> storeBatch) {
    List<T> readable = new ArrayList<>(records.size());
    for (ConsumerRecord<String, String> record : records) {
      try {
        readable.add(reader.apply(record.value()));
      } catch (RuntimeException e) {
        deadLetters.park(record, "unreadable record: " + e.getMessage());
        metrics.parked(kind);
      }
    }
    if (!readable.isEmpty()) {
      metrics.timeInsert(kind, readable.size(), () -> storeBatch.accept(readable));
    }
  }
}
