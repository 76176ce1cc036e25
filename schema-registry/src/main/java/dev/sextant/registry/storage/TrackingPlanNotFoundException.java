package dev.sextant.registry.storage;

/** A project has no tracking plan (or does not exist). */
public final class TrackingPlanNotFoundException extends RuntimeException {

  public TrackingPlanNotFoundException(String project) {
    super("project '" + project + "' has no tracking plan");
  }
}
