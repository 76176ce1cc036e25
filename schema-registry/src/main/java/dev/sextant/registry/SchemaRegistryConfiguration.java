package dev.sextant.registry;

import dev.sextant.registry.storage.CachingPlanStorage;
import dev.sextant.registry.storage.JdbcPlanStorage;
import dev.sextant.registry.storage.PlanStorage;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's storage, for every process that reads or writes tracking plans. Needs a {@code
 * DataSource} (H2 or PostgreSQL, migrated by Flyway) and a {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
public class SchemaRegistryConfiguration {

  @Bean
  PlanStorage planStorage(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock,
      RegistryProperties properties) {
    return new CachingPlanStorage(
        new JdbcPlanStorage(jdbc, new TransactionTemplate(transactionManager), clock),
        clock,
        properties.planCacheTtl());
  }
}
