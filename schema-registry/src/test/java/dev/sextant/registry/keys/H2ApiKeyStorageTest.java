package dev.sextant.registry.keys;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** API keys on H2, the embedded server's metadata database (in memory here). */
class H2ApiKeyStorageTest extends ApiKeyStorageConformance {

  @Override
  protected DataSource freshDataSource() {
    return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }
}
