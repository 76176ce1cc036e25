package dev.sextant.query.ingestion;

import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.segments.ProjectZones;
import dev.sextant.query.sql.SqlDialect;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.EventQueries;
import dev.sextant.store.QueryRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/projects/{project}/ingestion?minutes=60}: records received per minute,
 * accepted and quarantined, today's totals and the latest reception, for the console's overview.
 */
@RestController
public class IngestionController {

  static final int MAX_MINUTES = 1440;

  private final EventQueries queries;
  private final IngestionStatements statements;
  private final ProjectZones zones;
  private final Clock clock;
  private final Duration timeout;

  public IngestionController(
      EventQueries queries, PlanStorage plans, Clock clock, Duration timeout) {
    this.queries = queries;
    this.statements = new IngestionStatements(SqlDialect.of(queries.engine()));
    this.zones = new ProjectZones(plans);
    this.clock = clock;
    this.timeout = timeout;
  }

  @GetMapping("/api/v1/projects/{project}/ingestion")
  public IngestionReport ingestion(
      @PathVariable String project, @RequestParam(defaultValue = "60") int minutes) {
    if (minutes < 1 || minutes > MAX_MINUTES) {
      throw new InvalidQueryException("minutes", "must be 1 to " + MAX_MINUTES);
    }
    Instant now = clock.instant();
    ZoneId zone = zones.apply(project);
    Instant from = IngestionReport.readFrom(now, minutes, zone);
    Instant to = IngestionReport.end(now);
    QueryRows quarantined =
        queries.select(statements.quarantinedPerMinute(project, from, to), timeout);
    // A project that has stored no event has no events table yet, and nothing to count in it.
    if (queries.propertyColumns(project).isEmpty()) {
      return IngestionReport.of(
          project, now, zone, minutes, new QueryRows(List.of(), List.of()), quarantined, null);
    }
    QueryRows accepted = queries.select(statements.acceptedPerMinute(project, from, to), timeout);
    QueryRows latest = queries.select(statements.latestReceived(project), timeout);
    Object value = latest.rows().isEmpty() ? null : latest.rows().getFirst().getFirst();
    return IngestionReport.of(
        project,
        now,
        zone,
        minutes,
        accepted,
        quarantined,
        value == null ? null : QueryRows.asLong(value));
  }
}
