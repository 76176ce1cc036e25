package dev.sextant.registry.rules;

import java.util.Objects;

/**
 * One way a plan, or a change to it, breaks the rules.
 *
 * @param path where in the submitted plan, e.g. {@code events[3].business_line}, with the indexes
 *     of the submitted lists and the field names of the JSON and YAML documents
 * @param code a stable machine-readable code
 * @param message a sentence for people, naming the item
 */
public record PlanViolation(String path, ViolationCode code, String message) {

  public PlanViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
