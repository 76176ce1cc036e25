package dev.sextant.sink;

import dev.sextant.event.json.EventJson;
import dev.sextant.store.EventStore;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Stores each polled batch in the event store in one insert. The listener container commits the
 * batch's offsets only after this returns, i.e. after the store accepted the rows; if the sink dies
 * in between, the batch is delivered again (at least once). Every row carries the collector's
 * {@code insert_id}, the key on which the event store issue adds de-duplication.
 */
final class EventBatchWriter {

  private final EventStore store;
  private final EventJson json = new EventJson();

  EventBatchWriter(EventStore store) {
    this.store = store;
  }

  BatchMessageListener<String, String> events() {
    return records -> store.append(decode(records, json::readEvent));
  }

  BatchMessageListener<String, String> quarantine() {
    return records -> store.quarantine(decode(records, json::readQuarantined));
  }

  private static <T> List<T> decode(
      List<ConsumerRecord<String, String>> records, Function<String, T> reader) {
    return records.stream().map(ConsumerRecord::value).map(reader).toList();
  }
}
