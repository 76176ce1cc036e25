package dev.sextant.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The sink's own meters, next to the Kafka consumer's (lag among them) that Spring Boot binds:
 *
 * <ul>
 *   <li>{@code sextant.sink.insert} (timer): how long the store took to accept a batch;
 *   <li>{@code sextant.sink.batch.rows} (summary): rows per insert — ClickHouse wants few, large
 *       ones;
 *   <li>{@code sextant.sink.rows} (counter): rows stored; its rate is rows/s;
 *   <li>{@code sextant.sink.parked} (counter): unreadable records sent to the dead-letter topic.
 * </ul>
 *
 * All tagged {@code kind=events|quarantine|profiles|items}.
 */
final class SinkMetrics {

  static final String EVENTS = "events";
  static final String QUARANTINE = "quarantine";
  static final String PROFILES = "profiles";
  static final String ITEMS = "items";

  private final MeterRegistry registry;

  SinkMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void timeInsert(String kind, int rows, Runnable insert) {
    Timer.builder("sextant.sink.insert")
        .description("Time for the event store to accept one batch")
        .tag("kind", kind)
        .publishPercentileHistogram()
        .register(registry)
        .record(insert);
    DistributionSummary.builder("sextant.sink.batch.rows")
        .description("Rows per insert")
        .tag("kind", kind)
        .register(registry)
        .record(rows);
    Counter.builder("sextant.sink.rows")
        .description("Rows stored")
        .tag("kind", kind)
        .register(registry)
        .increment(rows);
  }

  void parked(String kind) {
    Counter.builder("sextant.sink.parked")
        .description("Unreadable records parked on the dead-letter topic")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }
}
