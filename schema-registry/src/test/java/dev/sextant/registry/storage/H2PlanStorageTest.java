package dev.sextant.registry.storage;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Plan storage on H2, the embedded server's metadata database (in memory here). */
class H2PlanStorageTest extends PlanStorageConformance {

  @Override
  protected DataSource freshDataSource() {
    return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }
}
