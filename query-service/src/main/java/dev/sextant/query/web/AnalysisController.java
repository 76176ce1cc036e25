package dev.sextant.query.web;

import dev.sextant.query.engine.AnalysisService;
import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.FunnelUsersPage;
import dev.sextant.query.model.Segment;
import dev.sextant.query.segments.SegmentService;
import dev.sextant.query.sql.FunnelUsersCompiler;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.ProjectSettings;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
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

  /**
   * A page of a funnel's drill-down: the {@code funnels} request with {@code step}, {@code
   * outcome}, an optional {@code group}, {@code limit} (default {@value #DEFAULT_PAGE}, at most
   * {@value FunnelUsersCompiler#MAX_PAGE}) and {@code after}, the previous page's {@code
   * next_after}.
   */
  @PostMapping("/api/v1/projects/{project}/analyses/funnels/users")
  public FunnelUsersPage funnelUsers(@PathVariable String project, @RequestBody JsonNode body) {
    return analyses.funnelUsers(
        project,
        funnelUsersRequest(project, body),
        segmentsOf(project, body),
        AnalysisRequests.after(body),
        AnalysisRequests.limit(body, DEFAULT_PAGE, FunnelUsersCompiler.MAX_PAGE));
  }

  /** The SQL of a funnel's drill-down's users on this engine. */
  @PostMapping("/api/v1/projects/{project}/analyses/funnels/users/sql")
  public Map<String, List<String>> explainFunnelUsers(
      @PathVariable String project, @RequestBody JsonNode body) {
    return Map.of(
        "statements",
        analyses.explain(project, funnelUsersRequest(project, body), segmentsOf(project, body)));
  }

  /**
   * Every user of a funnel's drill-down as CSV ({@code user_id} header), streamed batch by batch; a
   * refused request is answered with problem JSON, since nothing is written before the first batch
   * is read.
   */
  @PostMapping("/api/v1/projects/{project}/analyses/funnels/users.csv")
  public void funnelUsersCsv(
      @PathVariable String project, @RequestBody JsonNode body, HttpServletResponse response)
      throws IOException {
    FunnelUsers request = funnelUsersRequest(project, body);
    List<Segment> segments = segmentsOf(project, body);
    UserListCsv csv = new UserListCsv(new LazyWriter(response));
    analyses.exportFunnelUsers(project, request, segments, csv::write);
  }

  /** The response's writer, opened at the first write: until then an error can still be JSON. */
  private static final class LazyWriter extends Writer {
    private final HttpServletResponse response;
    private Writer writer;

    LazyWriter(HttpServletResponse response) {
      this.response = response;
    }

    private Writer writer() throws IOException {
      if (writer == null) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"funnel-users.csv\"");
        writer = response.getWriter();
      }
      return writer;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      writer().write(buffer, offset, length);
    }

    @Override
    public void flush() throws IOException {
      writer().flush();
    }

    @Override
    public void close() throws IOException {
      writer().close();
    }
  }

  private static final int DEFAULT_PAGE = 1000;

  /** The drill-down request, its funnel confined to an analyst's business lines. */
  private FunnelUsers funnelUsersRequest(String project, JsonNode body) {
    return scopes.confine(project, AnalysisRequests.funnelUsers(body, zoneOf(project)));
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
