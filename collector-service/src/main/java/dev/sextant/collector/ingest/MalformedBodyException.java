package dev.sextant.collector.ingest;

/**
 * A payload that cannot be split into records: not JSON, not UTF-8, bad gzip, bad base64, a crc
 * that does not match. The caller quarantines the raw payload as one record.
 */
public final class MalformedBodyException extends RuntimeException {

  public MalformedBodyException(String message) {
    super(message);
  }
}
