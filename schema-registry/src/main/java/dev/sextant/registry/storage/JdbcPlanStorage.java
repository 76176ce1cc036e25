package dev.sextant.registry.storage;

import dev.sextant.registry.history.PlanChange;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each project's plan as one JSON document per version in SQL (H2 or PostgreSQL), with its
 * author and its changes, so that every version stays readable. Optimistic locking: a save based on
 * an old version is refused. Times are stored as UTC wall-clock values, whatever the JVM's zone.
 */
public final class JdbcPlanStorage implements PlanStorage {

  private static final TypeReference<List<PlanChange>> CHANGES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final JsonMapper json =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          // Documents of older versions lack newer flags, which are false.
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  public JdbcPlanStorage(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public Optional<TrackingPlan> find(String project) {
    return jdbc.sql(
            """
            SELECT document FROM tracking_plan_version
            WHERE project = :project
            ORDER BY version DESC
            FETCH FIRST 1 ROWS ONLY
            """)
        .param("project", project)
        .query(String.class)
        .optional()
        .map(this::readPlan);
  }

  @Override
  public Optional<TrackingPlan> find(String project, long version) {
    return jdbc.sql(
            "SELECT document FROM tracking_plan_version WHERE project = :project AND version = :version")
        .param("project", project)
        .param("version", version)
        .query(String.class)
        .optional()
        .map(this::readPlan);
  }

  @Override
  public List<PlanVersion> history(String project, int limit) {
    return jdbc.sql(
            """
            SELECT project, version, author, saved_at, changes FROM tracking_plan_version
            WHERE project = :project
            ORDER BY version DESC
            FETCH FIRST :limit ROWS ONLY
            """)
        .param("project", project)
        .param("limit", limit)
        .query((rs, row) -> readVersion(rs))
        .list();
  }

  @Override
  public PlanVersion save(PlanRevision revision) {
    return transactions.execute(status -> insertNextVersion(revision));
  }

  private PlanVersion insertNextVersion(PlanRevision revision) {
    TrackingPlan plan = revision.plan();
    long current = currentVersion(plan.project());
    if (current != plan.version()) {
      throw new PlanVersionConflictException(plan.project(), plan.version());
    }
    TrackingPlan saved = plan.withVersion(current + 1);
    LocalDateTime savedAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    try {
      jdbc.sql(
              """
              INSERT INTO tracking_plan_version
                (project, version, document, saved_at, author, changes)
              VALUES (:project, :version, :document, :savedAt, :author, :changes)
              """)
          .param("project", saved.project())
          .param("version", saved.version())
          .param("document", json.writeValueAsString(saved))
          .param("savedAt", savedAt)
          .param("author", revision.author())
          .param("changes", json.writeValueAsString(revision.changes()))
          .update();
    } catch (DuplicateKeyException e) {
      // Another writer inserted the same version between our read and our insert.
      throw new PlanVersionConflictException(plan.project(), plan.version());
    }
    return new PlanVersion(
        saved.project(),
        saved.version(),
        revision.author(),
        savedAt.toInstant(ZoneOffset.UTC),
        revision.changes());
  }

  private long currentVersion(String project) {
    return jdbc.sql(
            "SELECT COALESCE(MAX(version), 0) FROM tracking_plan_version WHERE project = :project")
        .param("project", project)
        .query(Long.class)
        .single();
  }

  private TrackingPlan readPlan(String document) {
    return json.readValue(document, TrackingPlan.class);
  }

  private PlanVersion readVersion(ResultSet rs) throws SQLException {
    return new PlanVersion(
        rs.getString("project"),
        rs.getLong("version"),
        rs.getString("author"),
        rs.getObject("saved_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        json.readValue(rs.getString("changes"), CHANGES));
  }
}
