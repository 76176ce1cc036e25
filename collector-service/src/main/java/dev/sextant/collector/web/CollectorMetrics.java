package dev.sextant.collector.web;

import dev.sextant.collector.ingest.RecordOutcome;
import dev.sextant.event.QuarantineCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The collector's meters: {@code sextant.collector.records} (tags {@code endpoint}, {@code outcome}
 * accepted/duplicate/quarantined, {@code reason} the first reason's code or {@code none}) and
 * {@code sextant.collector.requests}, a latency histogram per endpoint and result. Tags stay low in
 * cardinality: never a project, user or event name.
 */
public final class CollectorMetrics {

  /** Which API a request came through. */
  public enum Endpoint {
    NATIVE("native"),
    SA("sa"),
    SA_BEACON("sa_beacon"),
    DEBUG("debug");

    private final String tag;

    Endpoint(String tag) {
      this.tag = tag;
    }
  }

  /** A unit of work that may fail with an I/O error. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  private final MeterRegistry registry;

  public CollectorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Runs {@code work} and records how long it took and whether it failed. */
  public <T> T timed(Endpoint endpoint, Work<T> work) throws IOException {
    Timer.Sample sample = Timer.start(registry);
    String result = "error";
    try {
      T value = work.run();
      result = "ok";
      return value;
    } finally {
      sample.stop(
          Timer.builder("sextant.collector.requests")
              .description("Time to answer a collection request, storage included")
              .tag("endpoint", endpoint.tag)
              .tag("result", result)
              .publishPercentileHistogram()
              .register(registry));
    }
  }

  /** Counts the outcomes of one request's records. */
  public void recordOutcomes(Endpoint endpoint, List<RecordOutcome> outcomes) {
    Map<String, Long> byReason =
        outcomes.stream()
            .collect(Collectors.groupingBy(CollectorMetrics::key, Collectors.counting()));
    byReason.forEach((key, count) -> {
      String[] parts = key.split("/", 2);
      counter(endpoint, parts[0], parts[1]).increment(count);
    });
  }

  /** Counts one body quarantined because it could not be read. */
  public void recordMalformedBody(Endpoint endpoint) {
    counter(endpoint, "quarantined", QuarantineCode.MALFORMED_PAYLOAD.name()).increment();
  }

  /** Counts one request refused with 429; {@code scope} is {@code client} or {@code project}. */
  public void recordRateLimited(Endpoint endpoint, String scope) {
    Counter.builder("sextant.collector.rate.limited")
        .description("Requests refused with 429, by the limit they exceeded")
        .tag("endpoint", endpoint.tag)
        .tag("scope", scope)
        .register(registry)
        .increment();
  }

  private Counter counter(Endpoint endpoint, String outcome, String reason) {
    return Counter.builder("sextant.collector.records")
        .description("Records received, by what became of them")
        .tag("endpoint", endpoint.tag)
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry);
  }

  private static String key(RecordOutcome outcome) {
    return switch (outcome) {
      case RecordOutcome.Accepted a -> "accepted/none";
      case RecordOutcome.Duplicate d -> "duplicate/none";
      case RecordOutcome.Quarantined q -> "quarantined/" + q.reasons().getFirst().code().name();
    };
  }
}
