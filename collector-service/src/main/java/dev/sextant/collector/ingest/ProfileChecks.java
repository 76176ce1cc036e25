package dev.sextant.collector.ingest;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.registry.plan.PlanNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is wrong with a profile record's properties, loosely: tracking plans define event
 * properties, not user properties, so a profile property is checked only for a usable name and for
 * a value its operation can apply (a number to increment, a list of strings to append). Pure.
 */
final class ProfileChecks {

  private ProfileChecks() {}

  static List<QuarantineReason> check(ProfileOperation operation, Map<String, Object> properties) {
    List<QuarantineReason> reasons = new ArrayList<>();
    properties.forEach((name, value) -> {
      String path = "properties." + name;
      nameProblem(name)
          .ifPresent(problem ->
              reasons.add(
                  new QuarantineReason(
                      QuarantineCode.UNKNOWN_PROPERTY,
                      path,
                      PlanNames.describe(problem, "user property", name))));
      if (!ProfileUpdate.fits(operation, value)) {
        reasons.add(new QuarantineReason(QuarantineCode.TYPE_MISMATCH, path, expected(operation)));
      }
    });
    return reasons;
  }

  /**
   * A plan's naming rules, except that {@code $} names are taken: the SDKs set preset user
   * properties such as {@code $first_visit_time} and {@code $utm_source} themselves.
   */
  static Optional<PlanNames.Problem> nameProblem(String name) {
    if (name.startsWith("$") && name.length() > 1) {
      return PlanNames.problemWith(name.substring(1))
          .filter(problem -> problem != PlanNames.Problem.RESERVED);
    }
    return PlanNames.problemWith(name);
  }

  private static String expected(ProfileOperation operation) {
    return switch (operation) {
      case SET, SET_ONCE -> "a user property must be a string, number, boolean or list of strings";
      case INCREMENT -> "profile_increment adds numbers: the value must be a number";
      case APPEND -> "profile_append adds to a list: the value must be a list of strings";
      case UNSET, DELETE -> "this operation takes no values";
    };
  }
}
