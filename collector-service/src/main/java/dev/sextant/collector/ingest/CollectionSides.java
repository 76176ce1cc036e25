package dev.sextant.collector.ingest;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.registry.plan.CollectedBy;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which events and properties of a plan only the back end collects (money moving, trades, risk
 * results), so that they are taken only from a sender with the project's secret key: anything in an
 * app or web page can be read and replayed by its user, and a forged deposit would be counted.
 */
final class CollectionSides {

  private final Set<String> backEndEvents;
  private final Set<String> backEndProperties;

  private CollectionSides(Set<String> backEndEvents, Set<String> backEndProperties) {
    this.backEndEvents = backEndEvents;
    this.backEndProperties = backEndProperties;
  }

  static CollectionSides of(TrackingPlan plan) {
    return new CollectionSides(
        plan.events().stream()
            .filter(event -> event.collectedBy() == CollectedBy.BACK_END)
            .map(EventDefinition::name)
            .collect(Collectors.toUnmodifiableSet()),
        plan.properties().stream()
            .filter(property -> property.collectedBy() == CollectedBy.BACK_END)
            .map(PropertyDefinition::name)
            .collect(Collectors.toUnmodifiableSet()));
  }

  /** Why the record may not come from {@code source}; empty when it may. */
  List<QuarantineReason> check(String event, Map<String, Object> properties, Source source) {
    if (source.isBackEnd()) {
      return List.of();
    }
    List<QuarantineReason> reasons = new ArrayList<>();
    if (event != null && backEndEvents.contains(event)) {
      reasons.add(
          new QuarantineReason(
              QuarantineCode.UNAUTHORISED_SOURCE,
              "event",
              "event '"
                  + event
                  + "' is collected by the back end only: send it with the project's secret key"));
    }
    if (!backEndProperties.isEmpty()) {
      for (String name : new TreeSet<>(properties.keySet())) {
        if (backEndProperties.contains(name)) {
          reasons.add(
              new QuarantineReason(
                  QuarantineCode.UNAUTHORISED_SOURCE,
                  "properties." + name,
                  "property '"
                      + name
                      + "' is collected by the back end only: send it with the project's secret"
                      + " key"));
        }
      }
    }
    return reasons;
  }
}
