package dev.sextant.registry.storage;

/** A project has no plan version of that number. */
public final class PlanVersionNotFoundException extends RuntimeException {

  public PlanVersionNotFoundException(String project, long version) {
    super("project '" + project + "' has no tracking plan version " + version);
  }
}
