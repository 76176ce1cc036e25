package dev.sextant.collector.web;

/** A request body that is not JSON; it was quarantined as one record under {@code quarantineId}. */
public final class MalformedRequestException extends RuntimeException {

  private final String quarantineId;

  public MalformedRequestException(String message, String quarantineId) {
    super(message);
    this.quarantineId = quarantineId;
  }

  public String quarantineId() {
    return quarantineId;
  }
}
