package dev.sextant.registry.validation;

import java.util.List;

/**
 * What a permissive project should add to its plan as drafts after accepting a record: the event,
 * when the plan does not define it, and the properties the event does not list. The collector
 * passes it to {@code PlanEditor.registerDrafts}, which merges it into the plan as a new version.
 *
 * @param event the event name
 * @param newEvent whether the plan does not define the event yet
 * @param properties the properties to add to the plan or to the event's list
 */
public record DraftRegistration(String event, boolean newEvent, List<DraftProperty> properties) {

  public DraftRegistration {
    properties = List.copyOf(properties);
  }
}
