package dev.sextant.query.segments;

import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.web.AnalysisRequests;
import dev.sextant.query.web.AnalystScopes;
import dev.sextant.registry.storage.PlanStorage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Segments and campaigns over HTTP ({@code docs/query-api.md}, "Segments and campaigns"). Dates are
 * read in the project's time zone; errors are problem JSON ({@code QueryProblems}).
 */
@RestController
@RequestMapping("/api/v1/projects/{project}")
public class SegmentController {

  /** What a saved segment looks like on the wire: its rule as the JSON object it was given. */
  public record SegmentView(
      String id, String name, JsonNode rule, String refresh, Instant createdAt) {}

  /** A page of members and the cursor of the next one (null on the last page). */
  public record MembersPage(List<String> members, String nextAfter) {}

  private final SegmentService segments;
  private final ProjectZones zones;
  private final JsonMapper json = JsonMapper.shared();

  private final AnalystScopes scopes;

  public SegmentController(SegmentService segments, PlanStorage plans, AnalystScopes scopes) {
    this.segments = segments;
    this.zones = new ProjectZones(plans);
    this.scopes = scopes;
  }

  /** Refuses a rule that reads events outside an analyst's business lines. */
  private void checkScope(String project, JsonNode rule, String field) {
    scopes.check(project, SegmentRequests.rule(rule, field, zoneOf(project)));
  }

  @PostMapping("/segments")
  @ResponseStatus(HttpStatus.CREATED)
  public SegmentView create(@PathVariable String project, @RequestBody JsonNode body) {
    checkScope(project, body.get("rule"), "rule");
    return view(
        segments.create(
            project, text(body, "name"), body.get("rule"), refresh(body), zoneOf(project)));
  }

  @GetMapping("/segments")
  public List<SegmentView> list(@PathVariable String project) {
    return segments.list(project).stream().map(this::view).toList();
  }

  @GetMapping("/segments/{id}")
  public SegmentView get(@PathVariable String project, @PathVariable String id) {
    return view(segments.find(project, id));
  }

  @DeleteMapping("/segments/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String project, @PathVariable String id) {
    segments.delete(project, id);
  }

  /** The live count while a rule is edited: {@code {"rule": ..., "as_of": "2017-02-14"}}. */
  @PostMapping("/segments/preview")
  public Map<String, Long> preview(@PathVariable String project, @RequestBody JsonNode body) {
    checkScope(project, body.get("rule"), "rule");
    return Map.of(
        "users", segments.preview(project, body.get("rule"), asOf(body), zoneOf(project)));
  }

  /**
   * A funnel per segment: {@code {"segments": [{"name": "pushed", "rule": ...}, ...], "as_of": ...,
   * "funnel": <a funnels request>}}.
   */
  @PostMapping("/segments/compare")
  public SegmentComparison compare(@PathVariable String project, @RequestBody JsonNode body) {
    ZoneId zone = zoneOf(project);
    JsonNode list = body.get("segments");
    if (list == null || !list.isArray()) {
      throw new InvalidQueryException("segments", "must be an array of {name, rule}");
    }
    Map<String, SegmentRule> rules = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "segments[" + i + "]";
      String name = text(list.get(i), "name");
      SegmentRule rule = SegmentRequests.rule(list.get(i).get("rule"), at + ".rule", zone);
      scopes.check(project, rule);
      if (rules.put(name, rule) != null) {
        throw new InvalidQueryException(at + ".name", "names must be distinct");
      }
    }
    return segments.compare(
        project,
        rules,
        asOf(body),
        zone,
        (FunnelAnalysis)
            scopes.confine(project, AnalysisRequests.funnel(body.get("funnel"), "funnel", zone)));
  }

  @PostMapping("/segments/{id}/snapshots")
  @ResponseStatus(HttpStatus.CREATED)
  public Snapshot snapshot(
      @PathVariable String project,
      @PathVariable String id,
      @RequestBody(required = false) JsonNode body) {
    return segments.snapshot(project, id, asOf(body), zoneOf(project));
  }

  @GetMapping("/segments/{id}/snapshots")
  public List<Snapshot> snapshots(@PathVariable String project, @PathVariable String id) {
    return segments.snapshots(project, id);
  }

  @GetMapping("/segments/{id}/snapshots/{snapshot}/members")
  public MembersPage members(
      @PathVariable String project,
      @PathVariable String id,
      @PathVariable String snapshot,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "1000") int limit) {
    List<String> members = segments.members(project, id, snapshot, after, limit);
    return new MembersPage(members, members.size() < limit ? null : members.getLast());
  }

  /** Every member, one per line after a {@code user_id} header, for push and SMS systems. */
  @GetMapping(value = "/segments/{id}/snapshots/{snapshot}/members.csv", produces = "text/csv")
  public String membersCsv(
      @PathVariable String project, @PathVariable String id, @PathVariable String snapshot) {
    StringBuilder csv = new StringBuilder("user_id\r\n");
    String after = null;
    List<String> page;
    do {
      page = segments.members(project, id, snapshot, after, SegmentService.MAX_PAGE);
      page.forEach(member -> csv.append(csvField(member)).append("\r\n"));
      after = page.isEmpty() ? null : page.getLast();
    } while (page.size() == SegmentService.MAX_PAGE);
    return csv.toString();
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
  static String csvField(String value) {
    if (value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** {@code {"name", "segment_id", "snapshot_id", "holdout_percent"}}. */
  @PostMapping("/campaigns")
  @ResponseStatus(HttpStatus.CREATED)
  public Campaign createCampaign(@PathVariable String project, @RequestBody JsonNode body) {
    JsonNode percent = body.path("holdout_percent");
    if (!percent.canConvertToExactIntegral() || !percent.canConvertToInt()) {
      throw new InvalidQueryException("holdout_percent", "must be an integer");
    }
    return segments.createCampaign(
        project,
        text(body, "name"),
        text(body, "segment_id"),
        text(body, "snapshot_id"),
        percent.intValue());
  }

  /** The project's campaigns, newest first, each with its audience's sizes. */
  @GetMapping("/campaigns")
  public List<Campaign> campaigns(@PathVariable String project) {
    return segments.campaigns(project);
  }

  @GetMapping("/campaigns/{id}")
  public Campaign campaign(@PathVariable String project, @PathVariable String id) {
    return segments.findCampaign(project, id);
  }

  /** {@code {"funnel": <a funnels request>}}: the funnel per group, compared. */
  @PostMapping(value = "/campaigns/{id}/effect", produces = MediaType.APPLICATION_JSON_VALUE)
  public EffectReport effect(
      @PathVariable String project, @PathVariable String id, @RequestBody JsonNode body) {
    return segments.effect(
        project, id, AnalysisRequests.funnel(body.get("funnel"), "funnel", zoneOf(project)));
  }

  private SegmentView view(SavedSegment segment) {
    return new SegmentView(
        segment.id(),
        segment.name(),
        json.readTree(segment.rule()),
        segment.refresh().name().toLowerCase(Locale.ROOT),
        segment.createdAt());
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body == null ? null : body.get(field);
    if (value == null || !value.isString()) {
      throw new InvalidQueryException(field, "is required, a string");
    }
    return value.asString();
  }

  /** {@code "refresh": "none" | "hourly" | "daily"}, default none. */
  private static Refresh refresh(JsonNode body) {
    JsonNode value = body.get("refresh");
    if (value == null || value.isNull()) {
      return Refresh.NONE;
    }
    try {
      return Refresh.valueOf(value.asString().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("refresh", "none, hourly or daily");
    }
  }

  private static LocalDate asOf(JsonNode body) {
    JsonNode value = body == null ? null : body.get("as_of");
    return value == null || value.isNull() ? null : SegmentRequests.date(value, "as_of");
  }

  private ZoneId zoneOf(String project) {
    return zones.apply(project);
  }
}
