package dev.sextant.sink.app;

import dev.sextant.registry.SchemaRegistryConfiguration;
import dev.sextant.sink.SinkConfiguration;
import dev.sextant.store.spring.ClickHouseStoreConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The sink as its own service (distributed mode): Kafka to ClickHouse, with the tracking plans from
 * PostgreSQL for the types of new property columns. Run as many as the events topic has partitions.
 */
@SpringBootApplication
@Import({
  ClickHouseStoreConfiguration.class,
  SchemaRegistryConfiguration.class,
  SinkConfiguration.class
})
public class SinkApplication {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The application, reading its settings from {@code sink.yml}. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(SinkApplication.class)
        .properties("spring.config.name=sink");
  }

  public static void main(String[] args) {
    application().run(args);
  }
}
