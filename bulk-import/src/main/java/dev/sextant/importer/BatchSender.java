package dev.sextant.importer;

import java.util.List;

/** Sends one batch of records to the collector and answers what it did with each. */
public interface BatchSender {

  /**
   * @param records each record's JSON text
   * @throws ImportFailedException when the collector refused the batch for good (a bad key, a batch
   *     too large) or could not be reached in the retries allowed
   */
  BatchOutcome send(List<String> records);
}
