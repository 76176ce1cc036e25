package dev.sextant.store.spring;

import dev.sextant.store.clickhouse.ClickHouseConnection;
import dev.sextant.store.clickhouse.ClickHouseEventStore;
import dev.sextant.store.clickhouse.ClickHouseHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Distributed mode: events live in ClickHouse, reached over its HTTP interface. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClickHouseStoreProperties.class)
public class ClickHouseStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ClickHouseStoreConfiguration.class);

  @Bean(destroyMethod = "close")
  ClickHouseHttpClient clickHouseHttpClient(ClickHouseStoreProperties properties) {
    return new ClickHouseHttpClient(
        new ClickHouseConnection(
            properties.url(),
            properties.database(),
            properties.user(),
            properties.password(),
            properties.connectTimeout(),
            properties.requestTimeout()));
  }

  @Bean
  ClickHouseEventStore clickHouseEventStore(
      ClickHouseHttpClient client, ClickHouseStoreProperties properties) {
    client.createDatabaseIfAbsent();
    ClickHouseEventStore store = new ClickHouseEventStore(client, properties.insertFormat());
    store.createSchema();
    log.info(
        "Event store: {} at {}, events inserted as {}",
        store.describeEngine(),
        client.connection(),
        properties.insertFormat().sqlName());
    return store;
  }
}
