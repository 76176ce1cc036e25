package dev.sextant.registry.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps API keys in the metadata database (H2 or PostgreSQL, table {@code project_api_key}). Times
 * are UTC wall-clock values, as in the plan tables, whatever the JVM's zone.
 */
public final class JdbcApiKeyStorage implements ApiKeyStorage {

  private static final String COLUMNS =
      "id, project, kind, name, hint, created_at, created_by, expires_at, revoked_at";

  private final JdbcClient jdbc;

  public JdbcApiKeyStorage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(ApiKey key, String hash) {
    jdbc.sql(
            "INSERT INTO project_api_key ("
                + COLUMNS
                + ", key_hash) VALUES (:id, :project, :kind, :name, :hint, :created_at,"
                + " :created_by, :expires_at, :revoked_at, :key_hash)")
        .param("id", key.id())
        .param("project", key.project())
        .param("kind", key.kind().name())
        .param("name", key.name())
        .param("hint", key.hint())
        .param("created_at", utc(key.createdAt()))
        .param("created_by", key.createdBy())
        .param("expires_at", utc(key.expiresAt()))
        .param("revoked_at", utc(key.revokedAt()))
        .param("key_hash", hash)
        .update();
  }

  @Override
  public void update(ApiKey key) {
    jdbc.sql(
            "UPDATE project_api_key SET expires_at = :expires_at, revoked_at = :revoked_at"
                + " WHERE project = :project AND id = :id")
        .param("expires_at", utc(key.expiresAt()))
        .param("revoked_at", utc(key.revokedAt()))
        .param("project", key.project())
        .param("id", key.id())
        .update();
  }

  @Override
  public Optional<ApiKey> find(String project, String id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM project_api_key WHERE project = :project AND id = :id")
        .param("project", project)
        .param("id", id)
        .query(JdbcApiKeyStorage::read)
        .optional();
  }

  @Override
  public List<ApiKey> list(String project) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM project_api_key WHERE project = :project ORDER BY created_at DESC, id")
        .param("project", project)
        .query(JdbcApiKeyStorage::read)
        .list();
  }

  @Override
  public Optional<ApiKey> findByHash(String hash) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM project_api_key WHERE key_hash = :key_hash")
        .param("key_hash", hash)
        .query(JdbcApiKeyStorage::read)
        .optional();
  }

  private static ApiKey read(ResultSet row, int rowNumber) throws SQLException {
    return new ApiKey(
        row.getString("id"),
        row.getString("project"),
        ApiKeyKind.valueOf(row.getString("kind")),
        row.getString("name"),
        row.getString("hint"),
        instant(row, "created_at"),
        row.getString("created_by"),
        instant(row, "expires_at"),
        instant(row, "revoked_at"));
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    LocalDateTime utc = row.getObject(column, LocalDateTime.class);
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
