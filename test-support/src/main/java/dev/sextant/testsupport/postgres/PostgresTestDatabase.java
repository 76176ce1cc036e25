package dev.sextant.testsupport.postgres;

/**
 * A fresh PostgreSQL database on a real server, for one test class.
 *
 * @param jdbcUrl the JDBC URL of the database
 * @param username the user
 * @param password the password
 */
public record PostgresTestDatabase(String jdbcUrl, String username, String password) {}
