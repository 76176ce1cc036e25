package dev.sextant.importer;

/** The import cannot go on: what was acknowledged so far is recorded, the rest can be resumed. */
public final class ImportFailedException extends RuntimeException {

  public ImportFailedException(String message) {
    super(message);
  }

  public ImportFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
