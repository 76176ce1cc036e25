package dev.sextant.registry.storage;

import dev.sextant.testsupport.postgres.PostgresExtension;
import dev.sextant.testsupport.postgres.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Plan storage on a real PostgreSQL server, the distributed mode's metadata database. */
@ExtendWith(PostgresExtension.class)
class PostgresPlanStorageIT extends PlanStorageConformance {

  private final PostgresTestDatabase database;

  PostgresPlanStorageIT(PostgresTestDatabase database) {
    this.database = database;
  }

  @Override
  protected DataSource freshDataSource() {
    database.emptyPublicSchema();
    return new DriverManagerDataSource(
        database.jdbcUrl(), database.username(), database.password());
  }
}
