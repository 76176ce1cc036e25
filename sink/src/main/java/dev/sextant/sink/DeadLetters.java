package dev.sextant.sink;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where the sink parks a record it cannot read, with the reason, so it never blocks a partition.
 */
interface DeadLetters {

  /** Parks the record durably; returns once it is safely stored. */
  void park(ConsumerRecord<String, String> record, String reason);
}
