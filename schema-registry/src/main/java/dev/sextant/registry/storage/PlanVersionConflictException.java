package dev.sextant.registry.storage;

/** A plan change was based on a version that is no longer the current one. */
public final class PlanVersionConflictException extends RuntimeException {

  private final String project;
  private final long expectedVersion;

  public PlanVersionConflictException(String project, long expectedVersion) {
    super(
        "the tracking plan of project '"
            + project
            + "' is no longer at version "
            + expectedVersion
            + ": reload it and apply your change again");
    this.project = project;
    this.expectedVersion = expectedVersion;
  }

  public String project() {
    return project;
  }

  public long expectedVersion() {
    return expectedVersion;
  }
}
