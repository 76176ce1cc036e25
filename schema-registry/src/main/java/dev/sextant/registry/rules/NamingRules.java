package dev.sextant.registry.rules;

import dev.sextant.registry.plan.BusinessLine;
import dev.sextant.registry.plan.EnumValue;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.EventProperty;
import dev.sextant.registry.plan.PiiClass;
import dev.sextant.registry.plan.PlanNames;
import dev.sextant.registry.plan.PresetEvents;
import dev.sextant.registry.plan.PresetProperties;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules a plan keeps on its own: names, prefixes, references, and sane constraints. */
final class NamingRules {

  static final int MAX_DISPLAY_NAME = 100;
  static final int MAX_TEXT = 2000;
  static final int MAX_UNIT = 20;
  static final int MAX_PREFIX = 20;
  static final int MAX_STRING_LENGTH = 65_535;

  private final TrackingPlan plan;
  private final Violations violations = new Violations();

  private NamingRules(TrackingPlan plan) {
    this.plan = plan;
  }

  static List<PlanViolation> check(TrackingPlan plan) {
    NamingRules rules = new NamingRules(plan);
    rules.checkProject();
    rules.checkBusinessLines();
    rules.checkProperties();
    rules.checkEvents();
    return rules.violations.toList();
  }

  private void checkProject() {
    PlanNames.problemWith(plan.project())
        .filter(problem -> problem != PlanNames.Problem.RESERVED)
        .ifPresent(problem -> reportName("project", "project", plan.project(), problem));
    String zone = plan.settings().timeZone();
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      violations.add(
          "settings.time_zone",
          ViolationCode.INVALID_TIME_ZONE,
          "time zone '" + zone + "' is not a time zone id such as Asia/Shanghai");
    }
  }

  private void checkBusinessLines() {
    Map<String, Integer> prefixes = new HashMap<>();
    List<BusinessLine> lines = plan.businessLines();
    for (int i = 0; i < lines.size(); i++) {
      BusinessLine line = lines.get(i);
      String path = "business_lines[" + i + "]";
      checkName(path + ".name", "business line", line.name());
      String prefix = line.eventPrefix();
      if (!prefix.isEmpty() && !isValidPrefix(prefix)) {
        violations.add(
            path + ".event_prefix",
            ViolationCode.INVALID_PREFIX,
            "event prefix '"
                + prefix
                + "' of business line '"
                + line.name()
                + "' must be a letter, then letters, digits and _, ending in _ (at most "
                + MAX_PREFIX
                + " characters), e.g. P2P_");
      }
      Integer first = prefixes.putIfAbsent(prefix, i);
      if (first != null) {
        violations.add(
            path + ".event_prefix",
            ViolationCode.DUPLICATE_PREFIX,
            "business lines '"
                + lines.get(first).name()
                + "' and '"
                + line.name()
                + "' have the same event prefix '"
                + prefix
                + "'");
      }
      checkText(path + ".display_name", line.displayName(), MAX_DISPLAY_NAME);
      checkText(path + ".display_name_en", line.displayNameEn(), MAX_DISPLAY_NAME);
      checkText(path + ".owner", line.owner(), MAX_DISPLAY_NAME);
    }
    checkUnique("business_lines", "business line", lines.stream().map(BusinessLine::name).toList());
  }

  private void checkProperties() {
    List<PropertyDefinition> properties = plan.properties();
    for (int i = 0; i < properties.size(); i++) {
      PropertyDefinition property = properties.get(i);
      String path = "properties[" + i + "]";
      checkName(path + ".name", "property", property.name());
      checkDisplayName(path, property.displayName(), property.name());
      checkText(path + ".display_name_en", property.displayNameEn(), MAX_DISPLAY_NAME);
      checkText(path + ".description", property.description(), MAX_TEXT);
      checkText(path + ".unit", property.unit(), MAX_UNIT);
      if (property.type() == null) {
        violations.add(
            path + ".type",
            ViolationCode.REQUIRED,
            "property '"
                + property.name()
                + "' needs a type: one of NUMBER, STRING, BOOL, "
                + "DATETIME, DATE, LIST");
      } else {
        checkConstraints(path, property);
      }
      boolean transformed = property.pii() == PiiClass.MASK || property.pii() == PiiClass.HASH;
      if (transformed
          && property.type() != null
          && property.type() != PropertyType.STRING
          && property.type() != PropertyType.LIST) {
        // The collector stores a masked or hashed value as text: a typed column could not hold it.
        violations.add(
            path + ".pii",
            ViolationCode.NOT_ALLOWED_FOR_TYPE,
            "property '"
                + property.name()
                + "' is "
                + property.type()
                + ": only STRING and LIST properties can be MASK or HASH");
      }
      if (property.pii() == PiiClass.FORBIDDEN && property.common()) {
        violations.add(
            path + ".common",
            ViolationCode.FORBIDDEN_PROPERTY_USED,
            "property '" + property.name() + "' is FORBIDDEN and cannot be common to all events");
      }
    }
    checkUnique(
        "properties", "property", properties.stream().map(PropertyDefinition::name).toList());
  }

  private void checkConstraints(String path, PropertyDefinition property) {
    PropertyType type = property.type();
    String name = property.name();
    Integer maxLength = property.maxLength();
    if (maxLength != null) {
      if (type != PropertyType.STRING && type != PropertyType.LIST) {
        notAllowed(path + ".max_length", name, type, "max_length");
      } else if (maxLength < 1 || maxLength > MAX_STRING_LENGTH) {
        violations.add(
            path + ".max_length",
            ViolationCode.INVALID_BOUNDS,
            "max_length of property '" + name + "' must be 1 to " + MAX_STRING_LENGTH);
      }
    }
    if (property.min() != null && type != PropertyType.NUMBER) {
      notAllowed(path + ".min", name, type, "min");
    }
    if (property.max() != null && type != PropertyType.NUMBER) {
      notAllowed(path + ".max", name, type, "max");
    }
    if (type == PropertyType.NUMBER
        && property.min() != null
        && property.max() != null
        && property.min().compareTo(property.max()) > 0) {
      violations.add(
          path + ".min",
          ViolationCode.INVALID_BOUNDS,
          "min "
              + property.min().toPlainString()
              + " of property '"
              + name
              + "' is above its max "
              + property.max().toPlainString());
    }
    if (property.hasEnumeratedValues()) {
      if (type == PropertyType.STRING || type == PropertyType.NUMBER || type == PropertyType.LIST) {
        checkEnumValues(path, property);
      } else {
        notAllowed(path + ".values", name, type, "enumerated values");
      }
    }
  }

  private void checkEnumValues(String path, PropertyDefinition property) {
    Set<String> seen = new HashSet<>();
    List<EnumValue> values = property.values();
    for (int j = 0; j < values.size(); j++) {
      EnumValue value = values.get(j);
      String valuePath = path + ".values[" + j + "]";
      checkText(valuePath + ".label", value.label(), MAX_DISPLAY_NAME);
      checkText(valuePath + ".label_en", value.labelEn(), MAX_DISPLAY_NAME);
      if (value.value() == null || value.value().isEmpty()) {
        violations.add(
            valuePath + ".value",
            ViolationCode.REQUIRED,
            "an enumerated value of property '" + property.name() + "' is empty");
        continue;
      }
      Optional<String> problem = enumValueProblem(property, value.value());
      if (problem.isPresent()) {
        violations.add(valuePath + ".value", ViolationCode.INVALID_ENUM_VALUE, problem.get());
      } else if (!seen.add(canonicalEnumValue(property.type(), value.value()))) {
        violations.add(
            valuePath + ".value",
            ViolationCode.DUPLICATE_ENUM_VALUE,
            "value '" + value.value() + "' of property '" + property.name() + "' is listed twice");
      }
    }
  }

  private static Optional<String> enumValueProblem(PropertyDefinition property, String value) {
    String subject = "value '" + value + "' of property '" + property.name() + "'";
    if (property.type() == PropertyType.NUMBER) {
      BigDecimal number;
      try {
        number = new BigDecimal(value);
        number.longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        return Optional.of(subject + " must be a whole number: NUMBER enums list integers");
      }
      if ((property.min() != null && number.compareTo(property.min()) < 0)
          || (property.max() != null && number.compareTo(property.max()) > 0)) {
        return Optional.of(subject + " is outside the property's min and max");
      }
      return Optional.empty();
    }
    Integer maxLength = property.maxLength();
    if (maxLength != null && value.codePointCount(0, value.length()) > maxLength) {
      return Optional.of(subject + " is longer than its max_length " + maxLength);
    }
    return Optional.empty();
  }

  private static String canonicalEnumValue(PropertyType type, String value) {
    return type == PropertyType.NUMBER
        ? Long.toString(new BigDecimal(value).longValueExact())
        : value;
  }

  private void checkEvents() {
    List<EventDefinition> events = plan.events();
    for (int i = 0; i < events.size(); i++) {
      EventDefinition event = events.get(i);
      String path = "events[" + i + "]";
      boolean preset = event.name() != null && PresetEvents.contains(event.name());
      if (!preset) {
        checkName(path + ".name", "event", event.name());
      }
      checkDisplayName(path, event.displayName(), event.name());
      checkText(path + ".display_name_en", event.displayNameEn(), MAX_DISPLAY_NAME);
      checkText(path + ".description", event.description(), MAX_TEXT);
      checkText(path + ".trigger", event.trigger(), MAX_TEXT);
      checkBusinessLineOf(path, event, preset);
      checkEventProperties(path, event);
    }
    checkUnique("events", "event", events.stream().map(EventDefinition::name).toList());
  }

  private void checkBusinessLineOf(String path, EventDefinition event, boolean preset) {
    String name = event.name();
    Optional<BusinessLine> declared = Optional.empty();
    if (event.businessLine() != null) {
      declared = plan.businessLine(event.businessLine());
      if (declared.isEmpty()) {
        violations.add(
            path + ".business_line",
            ViolationCode.UNDEFINED_BUSINESS_LINE,
            "event '"
                + name
                + "' is in business line '"
                + event.businessLine()
                + "', which the plan does not define");
        return;
      }
    }
    if (preset || name == null) {
      return;
    }
    Optional<BusinessLine> byPrefix = lineByPrefix(name);
    if (declared.isEmpty()) {
      byPrefix.ifPresent(line ->
          violations.add(
              path + ".business_line",
              ViolationCode.EVENT_PREFIX_MISMATCH,
              "event '"
                  + name
                  + "' starts with '"
                  + line.eventPrefix()
                  + "', the prefix of business line '"
                  + line.name()
                  + "': set its business_line to '"
                  + line.name()
                  + "'"));
      return;
    }
    BusinessLine line = declared.get();
    if (!name.startsWith(line.eventPrefix())) {
      violations.add(
          path + ".name",
          ViolationCode.EVENT_PREFIX_MISMATCH,
          "event '"
              + name
              + "' of business line '"
              + line.name()
              + "' must start with the line's prefix '"
              + line.eventPrefix()
              + "'");
    } else if (byPrefix.isPresent() && !byPrefix.get().name().equals(line.name())) {
      violations.add(
          path + ".business_line",
          ViolationCode.EVENT_PREFIX_MISMATCH,
          "event '"
              + name
              + "' starts with '"
              + byPrefix.get().eventPrefix()
              + "', the prefix of business line '"
              + byPrefix.get().name()
              + "', not of '"
              + line.name()
              + "'");
    }
  }

  /** The line whose non-empty prefix the name starts with; the longest prefix wins. */
  private Optional<BusinessLine> lineByPrefix(String eventName) {
    return plan.businessLines().stream()
        .filter(l -> !l.eventPrefix().isEmpty() && eventName.startsWith(l.eventPrefix()))
        .max(Comparator.comparingInt(l -> l.eventPrefix().length()));
  }

  private void checkEventProperties(String path, EventDefinition event) {
    Set<String> seen = new HashSet<>();
    List<EventProperty> properties = event.properties();
    for (int j = 0; j < properties.size(); j++) {
      String name = properties.get(j).name();
      String propertyPath = path + ".properties[" + j + "].name";
      if (name == null || name.isEmpty()) {
        violations.add(
            propertyPath,
            ViolationCode.REQUIRED,
            "a property of event '" + event.name() + "' has no name");
        continue;
      }
      if (!seen.add(name)) {
        violations.add(
            propertyPath,
            ViolationCode.DUPLICATE_NAME,
            "event '" + event.name() + "' lists property '" + name + "' twice");
      }
      if (PresetProperties.contains(name)) {
        continue;
      }
      Optional<PropertyDefinition> definition = plan.property(name);
      if (definition.isEmpty()) {
        violations.add(
            propertyPath,
            name.startsWith("$") ? ViolationCode.SYSTEM_NAME : ViolationCode.UNDEFINED_PROPERTY,
            name.startsWith("$")
                ? "event '" + event.name() + "' lists '" + name + "', which is not a preset"
                : "event '"
                    + event.name()
                    + "' lists property '"
                    + name
                    + "', which the plan does not define");
      } else if (definition.get().pii() == PiiClass.FORBIDDEN) {
        violations.add(
            propertyPath,
            ViolationCode.FORBIDDEN_PROPERTY_USED,
            "event '"
                + event.name()
                + "' lists property '"
                + name
                + "', which is FORBIDDEN: it must never be collected");
      }
    }
  }

  private void checkName(String path, String kind, String name) {
    PlanNames.problemWith(name).ifPresent(problem -> reportName(path, kind, name, problem));
  }

  private void reportName(String path, String kind, String name, PlanNames.Problem problem) {
    ViolationCode code =
        switch (problem) {
          case MISSING -> ViolationCode.REQUIRED;
          case TOO_LONG -> ViolationCode.NAME_TOO_LONG;
          case INVALID_CHARACTERS -> ViolationCode.INVALID_NAME;
          case RESERVED -> ViolationCode.RESERVED_NAME;
          case SYSTEM_NAME -> ViolationCode.SYSTEM_NAME;
        };
    violations.add(path, code, PlanNames.describe(problem, kind, name));
  }

  private void checkUnique(String listPath, String kind, List<String> names) {
    Map<String, String> byLowerCase = new HashMap<>();
    Set<String> exact = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isEmpty()) {
        continue;
      }
      String path = listPath + "[" + i + "].name";
      if (!exact.add(name)) {
        violations.add(
            path, ViolationCode.DUPLICATE_NAME, kind + " '" + name + "' is defined twice");
        continue;
      }
      String other = byLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      if (other != null) {
        violations.add(
            path,
            ViolationCode.NAME_CLASH_IGNORING_CASE,
            kind
                + " names '"
                + other
                + "' and '"
                + name
                + "' differ only in case, which SQL engines and people confuse");
      }
    }
  }

  private void notAllowed(String path, String name, PropertyType type, String what) {
    violations.add(
        path,
        ViolationCode.NOT_ALLOWED_FOR_TYPE,
        "property '" + name + "' is " + type + ", which cannot have " + what);
  }

  /** A display name defaults to the name, whose own length is checked as a name. */
  private void checkDisplayName(String path, String displayName, String name) {
    if (displayName != null && !displayName.equals(name)) {
      checkText(path + ".display_name", displayName, MAX_DISPLAY_NAME);
    }
  }

  private void checkText(String path, String text, int maxLength) {
    if (text != null && text.codePointCount(0, text.length()) > maxLength) {
      violations.add(
          path, ViolationCode.TEXT_TOO_LONG, path + " is longer than " + maxLength + " characters");
    }
  }

  private static boolean isValidPrefix(String prefix) {
    if (prefix.length() < 2 || prefix.length() > MAX_PREFIX || !prefix.endsWith("_")) {
      return false;
    }
    char first = prefix.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return false;
    }
    for (int i = 1; i < prefix.length() - 1; i++) {
      char c = prefix.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
          && c != '_') {
        return false;
      }
    }
    return true;
  }
}
