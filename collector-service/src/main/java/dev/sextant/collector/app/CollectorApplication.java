package dev.sextant.collector.app;

import dev.sextant.collector.CollectorConfiguration;
import dev.sextant.collector.kafka.KafkaPublishingConfiguration;
import dev.sextant.registry.SchemaRegistryConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The collector as its own service (distributed mode): validates against the plans in PostgreSQL
 * and publishes to Kafka. Scale it out behind a load balancer; it keeps no state.
 */
@SpringBootApplication
@Import({
  SchemaRegistryConfiguration.class,
  CollectorConfiguration.class,
  KafkaPublishingConfiguration.class
})
public class CollectorApplication {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The application, reading its settings from {@code collector.yml}. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(CollectorApplication.class)
        .properties("spring.config.name=collector");
  }

  public static void main(String[] args) {
    application().run(args);
  }
}
