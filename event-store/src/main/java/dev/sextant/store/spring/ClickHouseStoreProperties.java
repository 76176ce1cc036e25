package dev.sextant.store.spring;

import dev.sextant.store.clickhouse.ClickHouseInsertFormat;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ClickHouse event store of the distributed mode ({@code sextant.clickhouse.*}).
 *
 * @param url the server's HTTP interface, e.g. {@code http://clickhouse:8123}
 * @param database the database holding Sextant's tables; created if absent
 * @param user the ClickHouse user
 * @param password the user's password; from the environment or a secret, never from the repo
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long one statement may run before it is cancelled on the server
 * @param insertFormat how event rows are sent to ClickHouse ({@code JSON_EACH_ROW} or {@code
 *     ROW_BINARY})
 */
@ConfigurationProperties("sextant.clickhouse")
public record ClickHouseStoreProperties(
    @DefaultValue("http://127.0.0.1:8123") URI url,
    @DefaultValue("sextant") String database,
    @DefaultValue("default") String user,
    @DefaultValue("") String password,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("60s") Duration requestTimeout,
    @DefaultValue("ROW_BINARY") ClickHouseInsertFormat insertFormat) {

  /** Keeps the password out of logs and actuator output. */
  @Override
  public String toString() {
    return "ClickHouseStoreProperties[url=%s, database=%s, user=%s]".formatted(url, database, user);
  }
}
