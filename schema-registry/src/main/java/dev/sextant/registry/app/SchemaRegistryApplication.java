package dev.sextant.registry.app;

import dev.sextant.registry.SchemaRegistryConfiguration;
import dev.sextant.registry.web.RegistryWebConfiguration;
import dev.sextant.security.ConsoleSecurityConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The schema registry as its own service (distributed mode), on PostgreSQL. */
@SpringBootApplication
@Import({
  SchemaRegistryConfiguration.class,
  RegistryWebConfiguration.class,
  ConsoleSecurityConfiguration.class
})
public class SchemaRegistryApplication {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The application, reading its settings from {@code schema-registry.yml}. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(SchemaRegistryApplication.class)
        .properties("spring.config.name=schema-registry");
  }

  public static void main(String[] args) {
    application().run(args);
  }
}
