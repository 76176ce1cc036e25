package dev.sextant.server.replay;

import dev.sextant.collector.ingest.EventIngestion;
import dev.sextant.query.quarantine.RecordResubmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The all-in-one server replays quarantined records through its own collector. */
@Configuration(proxyBeanMethods = false)
public class ReplayConfiguration {

  @Bean
  RecordResubmitter recordResubmitter(EventIngestion ingestion) {
    return new CollectorResubmitter(ingestion);
  }
}
