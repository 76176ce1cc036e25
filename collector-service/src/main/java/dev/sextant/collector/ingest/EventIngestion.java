package dev.sextant.collector.ingest;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.registry.validation.EventValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Takes the records of one request: parses and validates each against the project's tracking plan,
 * then publishes the accepted events and the quarantined records together. One record in, exactly
 * one outcome out; nothing is dropped.
 */
public final class EventIngestion {

  private final PlanStorage plans;
  private final EventPublisher publisher;
  private final Clock clock;
  private final Supplier<String> ids;
  private final RecordParser parser = new RecordParser();
  private final ValidatorCache validators = new ValidatorCache();

  public EventIngestion(
      PlanStorage plans, EventPublisher publisher, Clock clock, Supplier<String> ids) {
    this.plans = plans;
    this.publisher = publisher;
    this.clock = clock;
    this.ids = ids;
  }

  public List<RecordOutcome> ingest(String project, List<JsonNode> records) {
    Instant receivedAt = clock.instant();
    Optional<EventValidator> validator = plans.find(project).map(validators::forPlan);
    List<TrackedEvent> accepted = new ArrayList<>();
    List<QuarantinedRecord> quarantined = new ArrayList<>();
    List<RecordOutcome> outcomes = new ArrayList<>();
    for (int index = 0; index < records.size(); index++) {
      JsonNode record = records.get(index);
      List<QuarantineReason> reasons = new ArrayList<>();
      TrackedEvent event = toEvent(project, record, validator, receivedAt, reasons);
      if (event != null) {
        accepted.add(event);
        outcomes.add(new RecordOutcome.Accepted(index, event.insertId()));
      } else {
        String id = ids.get();
        quarantined.add(new QuarantinedRecord(project, id, receivedAt, reasons, record.toString()));
        outcomes.add(new RecordOutcome.Quarantined(index, id, reasons));
      }
    }
    publisher.publish(accepted, quarantined);
    return outcomes;
  }

  /**
   * Quarantines a request body that could not be split into records, as one record, so that even
   * garbage is kept and visible.
   *
   * @return the quarantine id
   */
  public String quarantineMalformedBody(String project, String body, String reason) {
    String id = ids.get();
    QuarantinedRecord record =
        new QuarantinedRecord(
            project,
            id,
            clock.instant(),
            List.of(new QuarantineReason(QuarantineCode.MALFORMED_PAYLOAD, "", reason)),
            body);
    publisher.publish(List.of(), List.of(record));
    return id;
  }

  /** The accepted event, or null with {@code reasons} filled. */
  private TrackedEvent toEvent(
      String project,
      JsonNode record,
      Optional<EventValidator> validator,
      Instant receivedAt,
      List<QuarantineReason> reasons) {
    if (validator.isEmpty()) {
      reasons.add(
          new QuarantineReason(
              QuarantineCode.UNKNOWN_PROJECT,
              "project",
              "project '" + project + "' has no tracking plan"));
      return null;
    }
    switch (parser.parse(record)) {
      case RecordParser.Malformed malformed -> {
        reasons.addAll(malformed.reasons());
        return null;
      }
      case RecordParser.Parsed parsed -> {
        reasons.addAll(validator.get().validate(parsed.event(), parsed.properties()));
        if (!reasons.isEmpty()) {
          return null;
        }
        return new TrackedEvent(
            project,
            parsed.event(),
            parsed.distinctId(),
            parsed.time(),
            ids.get(),
            parsed.trackId(),
            parsed.properties(),
            receivedAt);
      }
    }
  }

  /** Compiles a validator once per project and plan version. */
  private static final class ValidatorCache {
    private record Compiled(long version, EventValidator validator) {}

    private final ConcurrentMap<String, Compiled> byProject = new ConcurrentHashMap<>();

    EventValidator forPlan(TrackingPlan plan) {
      return byProject
          .compute(
              plan.project(),
              (project, compiled) ->
                  compiled != null && compiled.version() == plan.version()
                      ? compiled
                      : new Compiled(plan.version(), EventValidator.compile(plan)))
          .validator();
    }
  }
}
