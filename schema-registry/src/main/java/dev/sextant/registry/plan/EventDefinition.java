package dev.sextant.registry.plan;

import java.util.List;
import java.util.Optional;

/**
 * An event of the tracking plan.
 *
 * @param name the event name, e.g. {@code P2P_InvestSuccess}; it starts with its line's prefix
 * @param displayName the name people read, in zh-CN, e.g. {@code 投资成功}; unless set, the preset's
 *     for a preset event, else the name
 * @param displayNameEn the name people read, in English; unless set, the preset's for a preset
 * @param description what the event means
 * @param businessLine the name of the business line that owns it; none for an event of no line
 * @param collectedBy which side sends it; BOTH unless set
 * @param trigger when exactly it fires, e.g. "after the server confirms the investment"
 * @param status where it is in its life; ACTIVE unless set
 * @param properties the properties this event carries, besides the preset and common ones
 */
public record EventDefinition(
    String name,
    String displayName,
    String displayNameEn,
    String description,
    String businessLine,
    CollectedBy collectedBy,
    String trigger,
    DefinitionStatus status,
    List<EventProperty> properties) {

  public EventDefinition {
    if (displayName == null || displayName.isBlank()) {
      displayName = PresetEvents.find(name).map(PresetEvent::displayName).orElse(name);
    }
    if (displayNameEn == null || displayNameEn.isBlank()) {
      displayNameEn = PresetEvents.find(name).map(PresetEvent::displayNameEn).orElse(null);
    }
    collectedBy = collectedBy == null ? CollectedBy.BOTH : collectedBy;
    status = status == null ? DefinitionStatus.ACTIVE : status;
    properties = properties == null ? List.of() : List.copyOf(properties);
  }

  /** An active event of no business line, collected by both sides. */
  public EventDefinition(String name, String displayName, List<EventProperty> properties) {
    this(name, displayName, null, null, null, null, null, null, properties);
  }

  public Optional<EventProperty> property(String propertyName) {
    return properties.stream().filter(p -> propertyName.equals(p.name())).findFirst();
  }

  public EventDefinition withStatus(DefinitionStatus newStatus) {
    return new EventDefinition(
        name,
        displayName,
        displayNameEn,
        description,
        businessLine,
        collectedBy,
        trigger,
        newStatus,
        properties);
  }

  public EventDefinition withProperties(List<EventProperty> newProperties) {
    return new EventDefinition(
        name,
        displayName,
        displayNameEn,
        description,
        businessLine,
        collectedBy,
        trigger,
        status,
        newProperties);
  }
}
