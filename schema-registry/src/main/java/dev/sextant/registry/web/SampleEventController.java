package dev.sextant.registry.web;

import dev.sextant.event.QuarantineReason;
import dev.sextant.event.json.JsonPropertyValues;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.registry.storage.TrackingPlanNotFoundException;
import dev.sextant.registry.validation.DraftRegistration;
import dev.sextant.registry.validation.EventValidator;
import dev.sextant.registry.validation.ValidationResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Checks a sample event against the current plan, as the collector would, without storing it: what
 * a developer runs while instrumenting an app.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}/plan/validate")
@Tag(name = "Tracking plan")
public class SampleEventController {

  private final PlanStorage plans;

  public SampleEventController(PlanStorage plans) {
    this.plans = plans;
  }

  /** A sample: the {@code event} and {@code properties} of a Sensors track record. */
  public record SampleEvent(String event, Map<String, JsonNode> properties) {}

  /**
   * The verdict.
   *
   * @param conforms whether the collector would accept it
   * @param reasons why it would be quarantined
   * @param drafts what a permissive project would register
   */
  public record SampleVerdict(
      String event, boolean conforms, List<QuarantineReason> reasons, DraftRegistration drafts) {}

  @PostMapping
  @Operation(summary = "List every way a sample event breaks the plan")
  public SampleVerdict validate(@PathVariable String project, @RequestBody SampleEvent sample) {
    if (sample.event() == null || sample.event().isBlank()) {
      throw new IllegalArgumentException("the sample needs an event name in 'event'");
    }
    EventValidator validator =
        EventValidator.compile(
            plans.find(project).orElseThrow(() -> new TrackingPlanNotFoundException(project)));
    ValidationResult result = validator.check(sample.event(), decode(sample.properties()));
    return new SampleVerdict(
        sample.event(), result.conforms(), result.reasons(), result.drafts().orElse(null));
  }

  /** Values in the forms the collector decodes JSON to. */
  private static Map<String, Object> decode(Map<String, JsonNode> properties) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (properties != null) {
      properties.forEach((name, node) -> values.put(name, JsonPropertyValues.decode(node)));
    }
    return values;
  }
}
