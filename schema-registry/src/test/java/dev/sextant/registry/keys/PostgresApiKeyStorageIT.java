package dev.sextant.registry.keys;

import dev.sextant.testsupport.postgres.PostgresExtension;
import dev.sextant.testsupport.postgres.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** API keys on a real PostgreSQL server, the distributed mode's metadata database. */
@ExtendWith(PostgresExtension.class)
class PostgresApiKeyStorageIT extends ApiKeyStorageConformance {

  private final PostgresTestDatabase database;

  PostgresApiKeyStorageIT(PostgresTestDatabase database) {
    this.database = database;
  }

  @Override
  protected DataSource freshDataSource() {
    database.emptyPublicSchema();
    return new DriverManagerDataSource(
        database.jdbcUrl(), database.username(), database.password());
  }
}
