package dev.sextant.registry.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.registry.plan.CollectedBy;
import dev.sextant.registry.plan.DefinitionStatus;
import dev.sextant.registry.plan.PiiClass;
import dev.sextant.registry.plan.TrackingPlan;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A whole plan as a document people keep in git: YAML in one stable order (see {@link
 * TrackingPlan#normalized()}) with defaults left out, and the same fields as the JSON API
 * (snake_case). Reading is strict: an unknown field is an error with its path, so a typo such as
 * {@code requird: true} is not silently lost.
 */
public final class PlanDocuments {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // A flag left out (required, common, deprecated) is false.
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          // One line per value: long lines diff better than folded ones.
          .disable(YAMLWriteFeature.SPLIT_LINES)
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
          .changeDefaultPropertyInclusion(
              include -> include.withValueInclusion(JsonInclude.Include.NON_EMPTY))
          .withConfigOverride(
              Boolean.TYPE,
              o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_DEFAULT, null)))
          .withConfigOverride(PiiClass.class, o -> o.setInclude(leaveOut(IsNone.class)))
          .withConfigOverride(CollectedBy.class, o -> o.setInclude(leaveOut(IsBoth.class)))
          .withConfigOverride(DefinitionStatus.class, o -> o.setInclude(leaveOut(IsActive.class)))
          .build();

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private PlanDocuments() {}

  /** The plan as YAML, in its stable order. */
  public static String toYaml(TrackingPlan plan) {
    return YAML.writeValueAsString(plan.normalized());
  }

  public static TrackingPlan fromYaml(String yaml) {
    return read(YAML, yaml);
  }

  /** Reads a plan sent as JSON, as strictly as YAML. */
  public static TrackingPlan fromJson(String json) {
    return read(JSON, json);
  }

  private static TrackingPlan read(ObjectMapper mapper, String text) {
    if (text == null || text.isBlank()) {
      throw new PlanDocumentException("", "the document is empty", null);
    }
    try {
      TrackingPlan plan = mapper.readValue(text, TrackingPlan.class);
      if (plan == null) {
        throw new PlanDocumentException("", "the document is empty", null);
      }
      return plan;
    } catch (JacksonException e) {
      throw new PlanDocumentException(path(e), describe(e), e);
    }
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(JacksonException e) {
    String where =
        e.getLocation() == null || e.getLocation().getLineNr() < 0
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    String path = path(e);
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    return (path.isEmpty() ? "" : path + ": ") + message + where;
  }

  private static JsonInclude.Value leaveOut(Class<?> filter) {
    return JsonInclude.Value.construct(JsonInclude.Include.CUSTOM, null, filter, null);
  }

  /** Leaves the default PII class out of YAML. Jackson calls {@code equals} with the value. */
  static final class IsNone {
    @Override
    public boolean equals(Object value) {
      return value == PiiClass.NONE;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** Leaves the default side out of YAML. */
  static final class IsBoth {
    @Override
    public boolean equals(Object value) {
      return value == CollectedBy.BOTH;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** Leaves the default status out of YAML. */
  static final class IsActive {
    @Override
    public boolean equals(Object value) {
      return value == DefinitionStatus.ACTIVE;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
