package dev.sextant.registry;

import dev.sextant.registry.editing.PlanEditor;
import dev.sextant.registry.keys.JdbcApiKeyStorage;
import dev.sextant.registry.keys.JdbcPiiKeys;
import dev.sextant.registry.keys.PiiKeys;
import dev.sextant.registry.keys.ProjectKeys;
import dev.sextant.registry.storage.CachingPlanStorage;
import dev.sextant.registry.storage.JdbcPlanStorage;
import dev.sextant.registry.storage.PlanStorage;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's storage and editor, for every process that reads or writes tracking plans. Needs a
 * {@code DataSource} (H2 or PostgreSQL, migrated by Flyway) and a {@link Clock}.
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
        properties.planCacheTtl(),
        // Reloads run on a virtual thread each, off the request threads; nothing to shut down.
        reload -> Thread.ofVirtual().name("plan-reload").start(reload));
  }

  @Bean
  ProjectKeys projectKeys(JdbcClient jdbc, Clock clock) {
    return new ProjectKeys(new JdbcApiKeyStorage(jdbc), new SecureRandom(), clock);
  }

  @Bean
  PiiKeys piiKeys(JdbcClient jdbc, Clock clock) {
    return new JdbcPiiKeys(jdbc, new SecureRandom(), clock);
  }

  @Bean
  PlanEditor planEditor(PlanStorage planStorage) {
    return new PlanEditor(planStorage);
  }
}
