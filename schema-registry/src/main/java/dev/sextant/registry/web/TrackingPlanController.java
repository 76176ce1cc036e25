package dev.sextant.registry.web;

import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.editing.ChangeOutcome;
import dev.sextant.registry.editing.PlanEditor;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.registry.storage.TrackingPlanNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and changes a project's tracking plan, as JSON or as a whole YAML document. Every change
 * goes through {@link PlanEditor}: checked against the rules, diffed, and saved as a new version;
 * with {@code dry_run=true} only checked and diffed.
 */
@RestController
@RequestMapping("/api/v1/projects/{project}/plan")
@Tag(name = "Tracking plan", description = "The project's events and properties (事件/属性规范)")
public class TrackingPlanController {

  static final String AUTHOR_HEADER = "X-Sextant-Author";
  static final String ANONYMOUS = "anonymous";
  static final String YAML = "application/yaml";

  private final PlanStorage plans;
  private final PlanEditor editor;

  public TrackingPlanController(PlanStorage plans, PlanEditor editor) {
    this.plans = plans;
    this.editor = editor;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The current plan")
  public TrackingPlan current(@PathVariable String project) {
    return plans.find(project).orElseThrow(() -> new TrackingPlanNotFoundException(project));
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Replace the plan with a new version",
      description =
          "The body's version is the version the change is based on (0 for a new project); a"
              + " stale one is answered with 409. Every broken rule is listed in one 400 answer.")
  public ChangeOutcome replace(
      @PathVariable String project,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(implementation = TrackingPlan.class)))
          @RequestBody
          String body,
      @RequestHeader(name = AUTHOR_HEADER, required = false) String author,
      @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
      Principal signedIn) {
    return apply(project, PlanDocuments.fromJson(body), author(signedIn, author), dryRun);
  }

  @GetMapping(path = "/export", produces = YAML)
  @Operation(summary = "The current plan as one YAML document, in a stable order")
  public String export(@PathVariable String project) {
    return PlanDocuments.toYaml(current(project));
  }

  @PostMapping(
      path = "/import",
      consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
  @Operation(
      summary = "Replace the plan with a YAML document",
      description =
          "Like PUT, from the YAML form of the export. With dry_run=true, answers the changes it"
              + " would make without saving.")
  public ChangeOutcome importYaml(
      @PathVariable String project,
      @RequestBody String yaml,
      @RequestHeader(name = AUTHOR_HEADER, required = false) String author,
      @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
      Principal signedIn) {
    return apply(project, PlanDocuments.fromYaml(yaml), author(signedIn, author), dryRun);
  }

  /**
   * The signed-in console user when there is one (the header cannot override who they are); the
   * header only names the author where no sign-in exists (the registry used as a library in tests).
   */
  private static String author(Principal signedIn, String header) {
    return signedIn != null ? signedIn.getName() : header;
  }

  private ChangeOutcome apply(String project, TrackingPlan plan, String author, boolean dryRun) {
    ProjectPath.requireSameProject(project, plan);
    TrackingPlan forProject = plan.project() == null ? plan.withProject(project) : plan;
    return editor.apply(
        forProject, author == null || author.isBlank() ? ANONYMOUS : author, dryRun);
  }
}
