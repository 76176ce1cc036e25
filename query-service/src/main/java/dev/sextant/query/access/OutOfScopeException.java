package dev.sextant.query.access;

import java.util.List;

/** A request reads events outside the business lines its analyst may see. */
public class OutOfScopeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> events;

  public OutOfScopeException(List<String> events) {
    super(
        events.isEmpty()
            ? "no event of this project belongs to your business lines"
            : "your business lines do not include these events: " + String.join(", ", events));
    this.events = List.copyOf(events);
  }

  /** The events the request named that the analyst may not read. */
  public List<String> events() {
    return events;
  }
}
