package dev.sextant.registry.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while the rules walk a plan. */
final class Violations {

  private final List<PlanViolation> found = new ArrayList<>();

  void add(String path, ViolationCode code, String message) {
    found.add(new PlanViolation(path, code, message));
  }

  List<PlanViolation> toList() {
    return List.copyOf(found);
  }
}
