package dev.sextant.store.spring;

import dev.sextant.store.duckdb.DuckDbEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Embedded mode: events live in one DuckDB file inside the process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DuckDbStoreProperties.class)
public class DuckDbStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DuckDbStoreConfiguration.class);

  @Bean(destroyMethod = "close")
  DuckDbEventStore duckDbEventStore(DuckDbStoreProperties properties) {
    DuckDbEventStore store = DuckDbEventStore.open(properties.path());
    store.createSchema();
    log.info("Event store: {} at {}", store.describeEngine(), properties.path().toAbsolutePath());
    return store;
  }
}
