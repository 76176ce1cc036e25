package dev.sextant.registry.rules;

import java.util.List;

/** A plan, or a change to one, breaks the rules; carries every violation at once. */
public final class PlanRejectedException extends RuntimeException {

  private final String project;
  private final transient List<PlanViolation> violations;

  public PlanRejectedException(String project, List<PlanViolation> violations) {
    super(
        "the tracking plan of project '"
            + project
            + "' breaks "
            + violations.size()
            + (violations.size() == 1 ? " rule" : " rules")
            + ": "
            + violations.getFirst().message()
            + (violations.size() > 1 ? " (and more, see errors)" : ""));
    this.project = project;
    this.violations = List.copyOf(violations);
  }

  public String project() {
    return project;
  }

  public List<PlanViolation> violations() {
    return violations;
  }
}
