package dev.sextant.query.app;

import dev.sextant.query.QueryConfiguration;
import dev.sextant.registry.SchemaRegistryConfiguration;
import dev.sextant.registry.web.RegistryWebConfiguration;
import dev.sextant.security.ConsoleSecurityConfiguration;
import dev.sextant.store.spring.ClickHouseStoreConfiguration;
import dev.sextant.store.spring.RetentionConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The query service as its own service (distributed mode): analyses over ClickHouse, plans from
 * PostgreSQL. It also serves the tracking-plan API and the console, and applies the projects'
 * retention.
 */
@SpringBootApplication
@Import({
  ClickHouseStoreConfiguration.class,
  RetentionConfiguration.class,
  SchemaRegistryConfiguration.class,
  RegistryWebConfiguration.class,
  QueryConfiguration.class,
  ConsoleSecurityConfiguration.class
})
public class QueryApplication {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The application, reading its settings from {@code query.yml}. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(QueryApplication.class)
        .properties("spring.config.name=query");
  }

  public static void main(String[] args) {
    application().run(args);
  }
}
