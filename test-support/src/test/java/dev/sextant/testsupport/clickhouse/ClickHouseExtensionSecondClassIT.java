package dev.sextant.testsupport.clickhouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A second test class of the same run, to see that classes share the server, not a database. */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseExtensionSecondClassIT {

  @Test
  void getsADatabaseOfItsOwnOnTheSameServer(ClickHouseTestServer server) {
    SeenDatabases.record(ClickHouseExtensionSecondClassIT.class, server);

    SeenDatabases.assertOneServerAndDistinctDatabases();
  }
}
