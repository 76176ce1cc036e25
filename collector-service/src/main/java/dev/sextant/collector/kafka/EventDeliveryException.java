package dev.sextant.collector.kafka;

/**
 * The events could not be handed to Kafka durably. The client gets 503 and must retry: nothing of
 * the request was acknowledged.
 */
public final class EventDeliveryException extends RuntimeException {

  public EventDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
