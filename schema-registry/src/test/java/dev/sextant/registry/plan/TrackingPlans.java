package dev.sextant.registry.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds tracking plans for tests: {@code aPlan("demo").line("p2p", "P2P_").event(anEvent
 * ("P2P_Invest").in("p2p").with("amount!")).property(aProperty("amount", NUMBER)).build()}. A
 * property name ending in {@code !} is required.
 */
public final class TrackingPlans {

  private final String project;
  private long version;
  private ProjectSettings settings = ProjectSettings.DEFAULTS;
  private final List<BusinessLine> lines = new ArrayList<>();
  private final List<EventDefinition> events = new ArrayList<>();
  private final List<PropertyDefinition> properties = new ArrayList<>();

  private TrackingPlans(String project) {
    this.project = project;
  }

  public static TrackingPlans aPlan(String project) {
    return new TrackingPlans(project);
  }

  public static Events anEvent(String name) {
    return new Events(name);
  }

  public static Properties aProperty(String name, PropertyType type) {
    return new Properties(name, type);
  }

  public TrackingPlans atVersion(long version) {
    this.version = version;
    return this;
  }

  public TrackingPlans permissive() {
    settings = settings.withUnknownDataPolicy(UnknownDataPolicy.PERMISSIVE);
    return this;
  }

  public TrackingPlans timeZone(String zone) {
    settings = new ProjectSettings(settings.unknownDataPolicy(), zone);
    return this;
  }

  public TrackingPlans line(String name, String prefix) {
    lines.add(new BusinessLine(name, prefix, null, null, null));
    return this;
  }

  /** An active event of no line; a property name ending in {@code !} is required. */
  public TrackingPlans event(String name, String... propertyNames) {
    return event(anEvent(name).with(propertyNames));
  }

  public TrackingPlans event(Events event) {
    events.add(event.build());
    return this;
  }

  public TrackingPlans property(String name, PropertyType type) {
    return property(aProperty(name, type));
  }

  public TrackingPlans property(Properties property) {
    properties.add(property.build());
    return this;
  }

  public TrackingPlan build() {
    return new TrackingPlan(project, version, settings, lines, events, properties);
  }

  /** Builds an event definition. */
  public static final class Events {
    private final String name;
    private String displayName;
    private String line;
    private DefinitionStatus status;
    private CollectedBy collectedBy;
    private final List<EventProperty> properties = new ArrayList<>();

    private Events(String name) {
      this.name = name;
    }

    public Events in(String businessLine) {
      this.line = businessLine;
      return this;
    }

    public Events displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    public Events status(DefinitionStatus status) {
      this.status = status;
      return this;
    }

    public Events collectedBy(CollectedBy collectedBy) {
      this.collectedBy = collectedBy;
      return this;
    }

    public Events with(String... propertyNames) {
      for (String property : propertyNames) {
        boolean required = property.endsWith("!");
        properties.add(
            new EventProperty(
                required ? property.substring(0, property.length() - 1) : property, required));
      }
      return this;
    }

    public EventDefinition build() {
      return new EventDefinition(
          name, displayName, null, null, line, collectedBy, null, status, properties);
    }
  }

  /** Builds a property definition. */
  public static final class Properties {
    private final String name;
    private final PropertyType type;
    private String displayName;
    private String unit;
    private final List<EnumValue> values = new ArrayList<>();
    private Integer maxLength;
    private BigDecimal min;
    private BigDecimal max;
    private PiiClass pii;
    private boolean common;
    private DefinitionStatus status;

    private Properties(String name, PropertyType type) {
      this.name = name;
      this.type = type;
    }

    public Properties displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    public Properties unit(String unit) {
      this.unit = unit;
      return this;
    }

    public Properties values(String... allowed) {
      for (String value : allowed) {
        values.add(EnumValue.of(value, value));
      }
      return this;
    }

    public Properties deprecatedValue(String value) {
      values.add(new EnumValue(value, value, null, true));
      return this;
    }

    public Properties maxLength(int maxLength) {
      this.maxLength = maxLength;
      return this;
    }

    public Properties min(String min) {
      this.min = new BigDecimal(min);
      return this;
    }

    public Properties max(String max) {
      this.max = new BigDecimal(max);
      return this;
    }

    public Properties pii(PiiClass pii) {
      this.pii = pii;
      return this;
    }

    public Properties common() {
      this.common = true;
      return this;
    }

    public Properties status(DefinitionStatus status) {
      this.status = status;
      return this;
    }

    public PropertyDefinition build() {
      return new PropertyDefinition(
          name,
          displayName,
          null,
          null,
          type,
          unit,
          values,
          maxLength,
          min,
          max,
          pii,
          null,
          common,
          status);
    }
  }
}
