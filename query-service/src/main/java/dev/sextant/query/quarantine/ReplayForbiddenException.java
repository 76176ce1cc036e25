package dev.sextant.query.quarantine;

/** Only an admin may vouch that quarantined records came from the project's back end. */
public final class ReplayForbiddenException extends RuntimeException {

  public ReplayForbiddenException() {
    super("only an admin may replay records as from the project's back end (as_back_end)");
  }
}
