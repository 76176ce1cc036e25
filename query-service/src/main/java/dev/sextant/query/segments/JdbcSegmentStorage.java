package dev.sextant.query.segments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Segments, snapshots and campaigns in the metadata database (H2 or PostgreSQL; tables from the
 * registry's Flyway migration {@code V3__segments_and_campaigns.sql}). Times are stored as UTC
 * wall-clock values, whatever the JVM's zone, as the plan storage does.
 */
public final class JdbcSegmentStorage implements SegmentStorage {

  private final JdbcClient jdbc;

  public JdbcSegmentStorage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(String project, SavedSegment segment) {
    jdbc.sql(
            "INSERT INTO segment (project, id, name, rule, refresh, created_at)"
                + " VALUES (:project, :id, :name, :rule, :refresh, :createdAt)")
        .param("project", project)
        .param("id", segment.id())
        .param("name", segment.name())
        .param("rule", segment.rule())
        .param("refresh", segment.refresh().name())
        .param("createdAt", utc(segment.createdAt()))
        .update();
  }

  @Override
  public Optional<SavedSegment> find(String project, String id) {
    return jdbc.sql("SELECT * FROM segment WHERE project = :project AND id = :id")
        .param("project", project)
        .param("id", id)
        .query(JdbcSegmentStorage::segment)
        .optional();
  }

  @Override
  public List<SavedSegment> list(String project) {
    return jdbc.sql("SELECT * FROM segment WHERE project = :project ORDER BY created_at DESC, id")
        .param("project", project)
        .query(JdbcSegmentStorage::segment)
        .list();
  }

  @Override
  public List<Scheduled> scheduled() {
    return jdbc.sql("SELECT * FROM segment WHERE refresh <> 'NONE' ORDER BY project, id")
        .query((rs, row) -> new Scheduled(rs.getString("project"), segment(rs, row)))
        .list();
  }

  @Override
  public boolean delete(String project, String id) {
    jdbc.sql("DELETE FROM segment_snapshot WHERE project = :project AND segment_id = :id")
        .param("project", project)
        .param("id", id)
        .update();
    return jdbc.sql("DELETE FROM segment WHERE project = :project AND id = :id")
            .param("project", project)
            .param("id", id)
            .update()
        > 0;
  }

  @Override
  public void save(String project, Snapshot snapshot) {
    jdbc.sql(
            "INSERT INTO segment_snapshot (project, segment_id, id, as_of, users, created_at)"
                + " VALUES (:project, :segmentId, :id, :asOf, :users, :createdAt)")
        .param("project", project)
        .param("segmentId", snapshot.segmentId())
        .param("id", snapshot.id())
        .param("asOf", snapshot.asOf())
        .param("users", snapshot.users())
        .param("createdAt", utc(snapshot.createdAt()))
        .update();
  }

  @Override
  public Optional<Snapshot> findSnapshot(String project, String segmentId, String id) {
    return jdbc.sql(
            "SELECT * FROM segment_snapshot"
                + " WHERE project = :project AND segment_id = :segmentId AND id = :id")
        .param("project", project)
        .param("segmentId", segmentId)
        .param("id", id)
        .query(JdbcSegmentStorage::snapshot)
        .optional();
  }

  @Override
  public List<Snapshot> snapshots(String project, String segmentId) {
    return jdbc.sql(
            "SELECT * FROM segment_snapshot WHERE project = :project AND segment_id = :segmentId"
                + " ORDER BY created_at DESC, id")
        .param("project", project)
        .param("segmentId", segmentId)
        .query(JdbcSegmentStorage::snapshot)
        .list();
  }

  @Override
  public void save(String project, Campaign campaign) {
    jdbc.sql(
            "INSERT INTO campaign (project, id, name, segment_id, snapshot_id, holdout_percent,"
                + " targeted, held_out, created_at) VALUES (:project, :id, :name, :segmentId,"
                + " :snapshotId, :holdoutPercent, :targeted, :heldOut, :createdAt)")
        .param("project", project)
        .param("id", campaign.id())
        .param("name", campaign.name())
        .param("segmentId", campaign.segmentId())
        .param("snapshotId", campaign.snapshotId())
        .param("holdoutPercent", campaign.holdoutPercent())
        .param("targeted", campaign.targeted())
        .param("heldOut", campaign.heldOut())
        .param("createdAt", utc(campaign.createdAt()))
        .update();
  }

  @Override
  public Optional<Campaign> findCampaign(String project, String id) {
    return jdbc.sql("SELECT * FROM campaign WHERE project = :project AND id = :id")
        .param("project", project)
        .param("id", id)
        .query(JdbcSegmentStorage::campaign)
        .optional();
  }

  @Override
  public List<Campaign> campaigns(String project) {
    return jdbc.sql("SELECT * FROM campaign WHERE project = :project ORDER BY created_at DESC, id")
        .param("project", project)
        .query(JdbcSegmentStorage::campaign)
        .list();
  }

  private static Campaign campaign(ResultSet rs, int row) throws SQLException {
    return new Campaign(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("segment_id"),
        rs.getString("snapshot_id"),
        rs.getInt("holdout_percent"),
        rs.getLong("targeted"),
        rs.getLong("held_out"),
        instant(rs, "created_at"));
  }

  private static SavedSegment segment(ResultSet rs, int row) throws SQLException {
    return new SavedSegment(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("rule"),
        Refresh.valueOf(rs.getString("refresh")),
        instant(rs, "created_at"));
  }

  private static Snapshot snapshot(ResultSet rs, int row) throws SQLException {
    return new Snapshot(
        rs.getString("segment_id"),
        rs.getString("id"),
        rs.getObject("as_of", LocalDate.class),
        rs.getLong("users"),
        instant(rs, "created_at"));
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }
}
