package dev.sextant.collector.web;

/**
 * A request whose payload cannot be read. It was quarantined as one record under {@code
 * quarantineId}, or not at all (null) when nothing may be stored (a dry run).
 */
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
