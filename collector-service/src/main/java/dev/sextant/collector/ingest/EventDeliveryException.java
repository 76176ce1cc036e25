package dev.sextant.collector.ingest;

/**
 * A request's records could not be made durable (Kafka did not acknowledge them, the embedded store
 * failed or its write queue was full, or a permissive project's plan could not take their drafts).
 * The client gets 503 and must retry: nothing of the request was acknowledged.
 */
public final class EventDeliveryException extends RuntimeException {

  public EventDeliveryException(String message) {
    super(message);
  }

  public EventDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
