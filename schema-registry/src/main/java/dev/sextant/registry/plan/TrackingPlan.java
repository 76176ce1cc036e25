package dev.sextant.registry.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A project's tracking plan (事件/属性规范): its settings, business lines, events, and typed properties.
 * A plan as read from a request may break the naming rules; {@code PlanRules} lists how, and only
 * plans that keep them are saved.
 *
 * @param project the project name
 * @param version increases by one with every saved change; in a change, the version it is based on
 * @param settings the project's settings
 * @param businessLines the business lines, each with its event prefix
 * @param events the events
 * @param properties the properties, each with one type for the whole project
 */
public record TrackingPlan(
    String project,
    long version,
    ProjectSettings settings,
    List<BusinessLine> businessLines,
    List<EventDefinition> events,
    List<PropertyDefinition> properties) {

  private static final Comparator<String> NAMES = Comparator.nullsFirst(Comparator.naturalOrder());

  public TrackingPlan {
    settings = settings == null ? ProjectSettings.DEFAULTS : settings;
    businessLines = businessLines == null ? List.of() : List.copyOf(businessLines);
    events = events == null ? List.of() : List.copyOf(events);
    properties = properties == null ? List.of() : List.copyOf(properties);
  }

  /** A plan with default settings and no business lines. */
  public TrackingPlan(
      String project,
      long version,
      List<EventDefinition> events,
      List<PropertyDefinition> properties) {
    this(project, version, null, null, events, properties);
  }

  public Optional<BusinessLine> businessLine(String name) {
    return businessLines.stream()
        .filter(l -> l.name() != null && l.name().equals(name))
        .findFirst();
  }

  public Optional<EventDefinition> event(String name) {
    return events.stream().filter(e -> e.name() != null && e.name().equals(name)).findFirst();
  }

  public Optional<PropertyDefinition> property(String name) {
    return properties.stream().filter(p -> p.name() != null && p.name().equals(name)).findFirst();
  }

  /** The same plan content with another version number. */
  public TrackingPlan withVersion(long newVersion) {
    return new TrackingPlan(project, newVersion, settings, businessLines, events, properties);
  }

  /** The same plan for another project. */
  public TrackingPlan withProject(String newProject) {
    return new TrackingPlan(newProject, version, settings, businessLines, events, properties);
  }

  public TrackingPlan withEvents(List<EventDefinition> newEvents) {
    return new TrackingPlan(project, version, settings, businessLines, newEvents, properties);
  }

  public TrackingPlan withProperties(List<PropertyDefinition> newProperties) {
    return new TrackingPlan(project, version, settings, businessLines, events, newProperties);
  }

  /**
   * The same plan in its one stable order, so that equal plans are equal documents and diffs of
   * exported files stay small: lines, events, properties and each event's properties by name. Enum
   * values keep their order, which is the order people read them in.
   */
  public TrackingPlan normalized() {
    return new TrackingPlan(
        project,
        version,
        settings,
        businessLines.stream().sorted(Comparator.comparing(BusinessLine::name, NAMES)).toList(),
        events.stream()
            .map(e ->
                e.withProperties(
                    e.properties().stream()
                        .sorted(Comparator.comparing(EventProperty::name, NAMES))
                        .toList()))
            .sorted(Comparator.comparing(EventDefinition::name, NAMES))
            .toList(),
        properties.stream().sorted(Comparator.comparing(PropertyDefinition::name, NAMES)).toList());
  }
}
