package dev.sextant.registry.editing;

import dev.sextant.registry.plan.BusinessLine;
import dev.sextant.registry.plan.DefinitionStatus;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.EventProperty;
import dev.sextant.registry.plan.PresetEvent;
import dev.sextant.registry.plan.PresetEvents;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.validation.DraftProperty;
import dev.sextant.registry.validation.DraftRegistration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Adds what a permissive project received but its plan lacks, as drafts: the event (in the business
 * line its prefix names), the properties with their inferred types, and the event's links to them.
 * Idempotent: merging the same drafts twice changes nothing the second time. Pure.
 */
final class DraftMerge {

  static final String REGISTERED = "Registered as a draft from received data.";

  private DraftMerge() {}

  static TrackingPlan merge(TrackingPlan plan, DraftRegistration drafts) {
    List<PropertyDefinition> properties = new ArrayList<>(plan.properties());
    for (DraftProperty draft : drafts.properties()) {
      if (draft.newToProject() && plan.property(draft.name()).isEmpty()) {
        properties.add(draftProperty(draft));
      }
    }
    List<EventDefinition> events = new ArrayList<>(plan.events());
    Optional<EventDefinition> existing = plan.event(drafts.event());
    EventDefinition event = existing.orElseGet(() -> draftEvent(plan, drafts.event()));
    List<EventProperty> links = new ArrayList<>(event.properties());
    for (DraftProperty draft : drafts.properties()) {
      if (event.property(draft.name()).isEmpty()
          && links.stream().noneMatch(l -> l.name().equals(draft.name()))) {
        links.add(EventProperty.optional(draft.name()));
      }
    }
    EventDefinition merged = event.withProperties(links);
    if (existing.isPresent()) {
      events.set(events.indexOf(existing.get()), merged);
    } else {
      events.add(merged);
    }
    return plan.withProperties(properties).withEvents(events);
  }

  private static PropertyDefinition draftProperty(DraftProperty draft) {
    return new PropertyDefinition(
        draft.name(),
        null,
        null,
        REGISTERED,
        draft.type(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        DefinitionStatus.DRAFT);
  }

  private static EventDefinition draftEvent(TrackingPlan plan, String name) {
    Optional<PresetEvent> preset = PresetEvents.find(name);
    String line =
        plan.businessLines().stream()
            .filter(l -> !l.eventPrefix().isEmpty() && name.startsWith(l.eventPrefix()))
            .max(Comparator.comparingInt(l -> l.eventPrefix().length()))
            .map(BusinessLine::name)
            .orElse(null);
    return new EventDefinition(
        name,
        preset.map(PresetEvent::displayName).orElse(null),
        preset.map(PresetEvent::displayNameEn).orElse(null),
        REGISTERED,
        preset.isPresent() ? null : line,
        null,
        null,
        DefinitionStatus.DRAFT,
        List.of());
  }
}
