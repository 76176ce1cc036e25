package dev.sextant.collector.ratelimit;

import java.time.Duration;

/** Whether a request may go on, and if not, when to try again. */
public sealed interface Admission {

  Admission ADMITTED = new Admitted();

  /** Within the rate. */
  record Admitted() implements Admission {}

  /**
   * Past the rate: nothing of the request was taken.
   *
   * @param retryAfter how long until the tokens it needs are back (whole seconds, at least 1)
   * @param detail what was exceeded, for the sender
   */
  record Refused(Duration retryAfter, String detail) implements Admission {}
}
