package dev.sextant.security.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Console users in the metadata database's {@code console_user} table (migration V5). */
public final class JdbcConsoleUserStorage implements ConsoleUserStorage {

  private static final String COLUMNS =
      "username, password_hash, role, business_lines, must_change_password, enabled, created_at,"
          + " password_changed_at";

  private final JdbcClient jdbc;

  public JdbcConsoleUserStorage(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public Optional<ConsoleUser> find(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM console_user WHERE username = ?")
        .param(username)
        .query(JdbcConsoleUserStorage::read)
        .optional();
  }

  @Override
  public List<ConsoleUser> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM console_user ORDER BY username")
        .query(JdbcConsoleUserStorage::read)
        .list();
  }

  @Override
  public void create(ConsoleUser user) {
    try {
      jdbc.sql("INSERT INTO console_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              user.username(),
              user.passwordHash(),
              user.role().name(),
              String.join(",", user.sortedBusinessLines()),
              user.mustChangePassword(),
              user.enabled(),
              Timestamp.from(user.createdAt()),
              Timestamp.from(user.passwordChangedAt()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new UsernameTakenException(user.username());
    }
  }

  @Override
  public void update(ConsoleUser user) {
    int updated =
        jdbc.sql(
                "UPDATE console_user SET password_hash = ?, role = ?, business_lines = ?,"
                    + " must_change_password = ?, enabled = ?, password_changed_at = ?"
                    + " WHERE username = ?")
            .params(
                user.passwordHash(),
                user.role().name(),
                String.join(",", user.sortedBusinessLines()),
                user.mustChangePassword(),
                user.enabled(),
                Timestamp.from(user.passwordChangedAt()),
                user.username())
            .update();
    if (updated == 0) {
      throw new UserNotFoundException(user.username());
    }
  }

  @Override
  public boolean isEmpty() {
    return jdbc.sql("SELECT COUNT(*) FROM console_user").query(Long.class).single() == 0;
  }

  private static ConsoleUser read(ResultSet row, int rowNumber) throws SQLException {
    String lines = row.getString("business_lines");
    return new ConsoleUser(
        row.getString("username"),
        row.getString("password_hash"),
        Role.valueOf(row.getString("role")),
        lines.isEmpty()
            ? java.util.Set.of()
            : Arrays.stream(lines.split(",")).collect(Collectors.toSet()),
        row.getBoolean("must_change_password"),
        row.getBoolean("enabled"),
        row.getTimestamp("created_at").toInstant(),
        row.getTimestamp("password_changed_at").toInstant());
  }
}
