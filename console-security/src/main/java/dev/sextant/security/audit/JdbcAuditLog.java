package dev.sextant.security.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log in the metadata database's {@code audit_entry} table (migration V5). */
public final class JdbcAuditLog implements AuditLog {

  private final JdbcClient jdbc;

  public JdbcAuditLog(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public void record(AuditEntry entry) {
    jdbc.sql(
            "INSERT INTO audit_entry (at, actor, action, project, subject, outcome, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            Timestamp.from(entry.at()),
            entry.actor(),
            entry.action().name(),
            entry.project(),
            entry.subject(),
            entry.outcome(),
            entry.detail())
        .update();
  }

  @Override
  public List<AuditEntry> find(AuditQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor, action, project, subject, outcome, detail FROM audit_entry"
                + " WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (query.actor() != null) {
      sql.append(" AND actor = ?");
      params.add(query.actor());
    }
    if (query.action() != null) {
      sql.append(" AND action = ?");
      params.add(query.action().name());
    }
    if (query.subject() != null) {
      sql.append(" AND subject = ?");
      params.add(query.subject());
    }
    if (query.beforeId() != null) {
      sql.append(" AND id < ?");
      params.add(query.beforeId());
    }
    sql.append(" ORDER BY id DESC LIMIT ").append(query.limit());
    return jdbc.sql(sql.toString()).params(params).query(JdbcAuditLog::read).list();
  }

  private static AuditEntry read(ResultSet row, int rowNumber) throws SQLException {
    return new AuditEntry(
        row.getLong("id"),
        row.getTimestamp("at").toInstant(),
        row.getString("actor"),
        AuditAction.valueOf(row.getString("action")),
        row.getString("project"),
        row.getString("subject"),
        row.getInt("outcome"),
        row.getString("detail"));
  }
}
