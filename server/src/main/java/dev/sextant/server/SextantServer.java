package dev.sextant.server;

import dev.sextant.collector.CollectorConfiguration;
import dev.sextant.collector.embedded.EmbeddedPublishingConfiguration;
import dev.sextant.query.QueryConfiguration;
import dev.sextant.registry.SchemaRegistryConfiguration;
import dev.sextant.registry.web.RegistryWebConfiguration;
import dev.sextant.security.ConsoleSecurityConfiguration;
import dev.sextant.server.demo.DemoProjectConfiguration;
import dev.sextant.server.replay.ReplayConfiguration;
import dev.sextant.store.spring.DuckDbStoreConfiguration;
import dev.sextant.store.spring.RetentionConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The all-in-one server, the embedded default: the same collector, registry and query service as in
 * distributed mode, wired into one process on DuckDB (events) and H2 (metadata), with data under
 * {@code ./data}. No Kafka: the collector writes through to the event store.
 */
@SpringBootApplication
@Import({
  DuckDbStoreConfiguration.class,
  RetentionConfiguration.class,
  SchemaRegistryConfiguration.class,
  RegistryWebConfiguration.class,
  CollectorConfiguration.class,
  EmbeddedPublishingConfiguration.class,
  QueryConfiguration.class,
  DemoProjectConfiguration.class,
  ReplayConfiguration.class,
  ConsoleSecurityConfiguration.class
})
public class SextantServer {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    SpringApplication.run(SextantServer.class, args);
  }
}
