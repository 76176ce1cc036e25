package dev.sextant.query.quarantine;

/** This process has no collector to replay through. */
public final class ReplayUnavailableException extends RuntimeException {

  public ReplayUnavailableException() {
    super(
        "replaying quarantined records needs the collector in the same process: the all-in-one"
            + " server; in distributed mode, export the payloads and send them with sextant-import");
  }
}
