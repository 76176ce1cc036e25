package dev.sextant.collector.ingest;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.registry.plan.PlanNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with an item record's properties, loosely, as for profiles ({@link ProfileChecks}):
 * tracking plans have no item schema, so an item property is checked only for a usable name ({@code
 * $} names allowed) and for a property value. Pure.
 */
final class ItemChecks {

  private ItemChecks() {}

  static List<QuarantineReason> check(Map<String, Object> properties) {
    List<QuarantineReason> reasons = new ArrayList<>();
    properties.forEach((name, value) -> {
      String path = "properties." + name;
      ProfileChecks.nameProblem(name)
          .ifPresent(problem ->
              reasons.add(
                  new QuarantineReason(
                      QuarantineCode.UNKNOWN_PROPERTY,
                      path,
                      PlanNames.describe(problem, "item property", name))));
      if (!ItemUpdate.isPropertyValue(value)) {
        reasons.add(
            new QuarantineReason(
                QuarantineCode.TYPE_MISMATCH,
                path,
                "an item property must be a string, number, boolean or list of strings"));
      }
    });
    return reasons;
  }
}
