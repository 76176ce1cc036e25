package dev.sextant.collector.access;

/**
 * A request whose API key is missing where one is required, or not a working key of the project.
 */
public final class ApiKeyRefusedException extends RuntimeException {

  private final Refusal refusal;

  ApiKeyRefusedException(Refusal refusal, String detail) {
    super(detail);
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }

  /** Why a key was refused; a stable, low-cardinality metric tag. */
  public enum Refusal {
    /** No key, in a project that requires one. */
    MISSING,
    /** Not a key this server issued. */
    UNKNOWN,
    /** A key of another project. */
    OTHER_PROJECT,
    REVOKED,
    EXPIRED
  }
}
