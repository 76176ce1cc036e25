package dev.sextant.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database on a real server, for one test class.
 *
 * @param jdbcUrl the JDBC URL of the database
 * @param username the user
 * @param password the password
 */
public record PostgresTestDatabase(String jdbcUrl, String username, String password) {

  /** Drops every table of the database (its {@code public} schema), for a test that needs none. */
  public void emptyPublicSchema() {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE");
      statement.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test database " + jdbcUrl, e);
    }
  }
}
