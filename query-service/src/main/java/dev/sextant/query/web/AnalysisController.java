package dev.sextant.query.web;

import dev.sextant.query.engine.AnalysisService;
import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.Segment;
import dev.sextant.query.segments.SegmentService;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.ProjectSettings;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The analysis API: {@code POST /api/v1/projects/{project}/analyses/{kind}} with a JSON request
 * ({@code docs/query-api.md}) answers with the result; {@code .../{kind}/sql} shows the SQL it runs
 * on this engine. Dates are read in the project's time zone.
 */
@RestController
public class AnalysisController {

  private final AnalysisService analyses;
  private final PlanStorage plans;
  private final SegmentService segments;
  private final AnalystScopes scopes;

  public AnalysisController(
      AnalysisService analyses, PlanStorage plans, SegmentService segments, AnalystScopes scopes) {
    this.analyses = analyses;
    this.plans = plans;
    this.segments = segments;
    this.scopes = scopes;
  }

  @PostMapping("/api/v1/projects/{project}/analyses/{kind}")
  public Object run(
      @PathVariable String project, @PathVariable String kind, @RequestBody JsonNode body) {
    return analyses.run(project, request(project, kind, body), segmentsOf(project, body));
  }

  @PostMapping("/api/v1/projects/{project}/analyses/{kind}/sql")
  public Map<String, List<String>> explain(
      @PathVariable String project, @PathVariable String kind, @RequestBody JsonNode body) {
    return Map.of(
        "statements",
        analyses.explain(project, request(project, kind, body), segmentsOf(project, body)));
  }

  /** The request's optional {@code segment}: only its members' events are analysed. */
  private List<Segment> segmentsOf(String project, JsonNode body) {
    JsonNode segment = body == null ? null : body.get("segment");
    if (segment == null || segment.isNull()) {
      return List.of();
    }
    Segment read = segments.segment(project, segment, zoneOf(project));
    if (segment.has("rule")) {
      scopes.check(project, read.rule());
    }
    return List.of(read);
  }

  /** The request, confined to an analyst's business lines. */
  private Analysis request(String project, String kind, JsonNode body) {
    return scopes.confine(
        project, AnalysisRequests.read(kind, body, zoneOf(project), businessLines(project)));
  }

  /** The events of each business line of the project's plan, for the active-users shortcut. */
  private BusinessLineEvents businessLines(String project) {
    return line ->
        plans
            .find(project)
            .filter(plan -> plan.businessLines().stream().anyMatch(l -> l.name().equals(line)))
            .map(plan ->
                plan.events().stream()
                    .filter(event -> line.equals(event.businessLine()))
                    .map(EventDefinition::name)
                    .sorted()
                    .toList());
  }

  private ZoneId zoneOf(String project) {
    String zone =
        plans
            .find(project)
            .map(TrackingPlan::settings)
            .map(ProjectSettings::timeZone)
            .orElse(ProjectSettings.DEFAULT_TIME_ZONE);
    return ZoneId.of(zone);
  }
}
