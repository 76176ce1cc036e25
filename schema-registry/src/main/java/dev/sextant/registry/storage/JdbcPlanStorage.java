package dev.sextant.registry.storage;

import dev.sextant.registry.plan.TrackingPlan;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each project's plan as one JSON document per version in SQL (H2 or PostgreSQL), so that
 * every version stays readable. Optimistic locking: a save based on an old version is refused.
 */
public final class JdbcPlanStorage implements PlanStorage {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final JsonMapper json =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

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
        .map(document -> json.readValue(document, TrackingPlan.class));
  }

  @Override
  public TrackingPlan save(TrackingPlan plan) {
    return transactions.execute(status -> insertNextVersion(plan));
  }

  private TrackingPlan insertNextVersion(TrackingPlan plan) {
    long current = currentVersion(plan.project());
    if (current != plan.version()) {
      throw new PlanVersionConflictException(plan.project(), plan.version());
    }
    TrackingPlan saved = plan.withVersion(current + 1);
    try {
      jdbc.sql(
              """
              INSERT INTO tracking_plan_version (project, version, document, saved_at)
              VALUES (:project, :version, :document, :savedAt)
              """)
          .param("project", saved.project())
          .param("version", saved.version())
          .param("document", json.writeValueAsString(saved))
          .param("savedAt", Timestamp.from(clock.instant()))
          .update();
    } catch (org.springframework.dao.DuplicateKeyException e) {
      // Another writer inserted the same version between our read and our insert.
      throw new PlanVersionConflictException(plan.project(), plan.version());
    }
    return saved;
  }

  private long currentVersion(String project) {
    return jdbc.sql(
            "SELECT COALESCE(MAX(version), 0) FROM tracking_plan_version WHERE project = :project")
        .param("project", project)
        .query(Long.class)
        .single();
  }
}
