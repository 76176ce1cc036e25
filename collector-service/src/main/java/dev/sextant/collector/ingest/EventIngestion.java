package dev.sextant.collector.ingest;

import dev.sextant.collector.pii.PiiProtection;
import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.registry.validation.DraftRegistration;
import dev.sextant.registry.validation.EventValidator;
import dev.sextant.registry.validation.ValidationResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Takes the records of one request: parses and validates each against the project's tracking plan,
 * then publishes the accepted events, the accepted profile and item updates and the quarantined
 * records together. One record in, exactly one outcome out; nothing is dropped.
 */
public final class EventIngestion {

  private final PlanStorage plans;
  private final EventPublisher publisher;
  private final DraftRegistrar drafts;
  private final Clock clock;
  private final Supplier<String> ids;
  private final EventTimeRanges timeRanges;
  private final TrackIdWindow trackIds;
  private final Function<String, byte[]> hashKeys;
  private final RecordParser parser = new RecordParser();
  private final PlanRulesCache compiledPlans = new PlanRulesCache();

  /** Accepts any event time and de-duplicates nothing. */
  public EventIngestion(
      PlanStorage plans,
      EventPublisher publisher,
      DraftRegistrar drafts,
      Clock clock,
      Supplier<String> ids) {
    this(
        plans,
        publisher,
        drafts,
        clock,
        ids,
        EventTimeRanges.UNBOUNDED,
        TrackIdWindow.DISABLED,
        ephemeralHashKeys());
  }

  /**
   * @param timeRanges how far from reception each project's event times may be
   * @param trackIds the records recently accepted, by {@code _track_id}, so retries are not stored
   *     twice
   * @param hashKeys each project's key for the keyed hash of PII class HASH values
   */
  public EventIngestion(
      PlanStorage plans,
      EventPublisher publisher,
      DraftRegistrar drafts,
      Clock clock,
      Supplier<String> ids,
      EventTimeRanges timeRanges,
      TrackIdWindow trackIds,
      Function<String, byte[]> hashKeys) {
    this.plans = plans;
    this.publisher = publisher;
    this.drafts = drafts;
    this.clock = clock;
    this.ids = ids;
    this.timeRanges = timeRanges;
    this.trackIds = trackIds;
    this.hashKeys = hashKeys;
  }

  /**
   * Hash keys made at random per project and kept only in memory, for ingestion without a metadata
   * database (tests, tools): hashes are stable only within this process.
   */
  private static Function<String, byte[]> ephemeralHashKeys() {
    SecureRandom random = new SecureRandom();
    ConcurrentMap<String, byte[]> keys = new ConcurrentHashMap<>();
    return project ->
        keys.computeIfAbsent(
            project,
            p -> {
              byte[] key = new byte[32];
              random.nextBytes(key);
              return key;
            });
  }

  /**
   * Ingests records read without limits, adds nothing to them, and takes them as from a back end
   * with the secret key: for callers inside the process.
   */
  public List<RecordOutcome> ingest(String project, List<JsonNode> records) {
    return ingest(
        project,
        records.stream().<ReceivedRecord>map(ReceivedRecord.Readable::new).toList(),
        Enrichment.NONE);
  }

  /** {@link #ingest(String, List, Enrichment, Source)} as from a back end with the secret key. */
  public List<RecordOutcome> ingest(
      String project, List<ReceivedRecord> records, Enrichment enrichment) {
    return ingest(project, records, enrichment, Source.SECRET_KEY);
  }

  /**
   * Validates every record, publishes the accepted and the quarantined ones in one call (durable on
   * return), and says what happened to each, in request order.
   *
   * @param source who sent the records, as far as their API key proves it: events that only the
   *     back end collects are quarantined unless it is the back end
   */
  public List<RecordOutcome> ingest(
      String project, List<ReceivedRecord> records, Enrichment enrichment, Source source) {
    Instant receivedAt = clock.instant();
    Optional<CompiledPlan> validator = compiledPlanOf(project);
    List<TrackedEvent> accepted = new ArrayList<>();
    List<ProfileUpdate> profiles = new ArrayList<>();
    List<ItemUpdate> items = new ArrayList<>();
    List<QuarantinedRecord> quarantined = new ArrayList<>();
    List<RecordOutcome> outcomes = new ArrayList<>();
    Set<DraftRegistration> newDrafts = new LinkedHashSet<>();
    Map<TrackIdWindow.Key, String> trackedHere = new LinkedHashMap<>();
    for (int index = 0; index < records.size(); index++) {
      ReceivedRecord record = records.get(index);
      List<QuarantineReason> reasons = new ArrayList<>();
      Candidate candidate =
          evaluate(project, record, validator, enrichment, source, receivedAt, reasons);
      if (candidate != null) {
        TrackIdWindow.Key key = candidate.trackKey(project);
        Optional<String> earlier =
            key == null
                ? Optional.empty()
                : Optional.ofNullable(trackedHere.get(key)).or(() -> trackIds.acceptedAs(key));
        if (earlier.isPresent()) {
          outcomes.add(new RecordOutcome.Duplicate(index, earlier.get()));
          continue;
        }
        String insertId = ids.get();
        switch (candidate) {
          case EventCandidate event -> {
            accepted.add(event.toEvent(project, insertId, receivedAt));
            event.drafts().ifPresent(newDrafts::add);
          }
          case ProfileCandidate profile ->
              profiles.add(profile.toUpdate(project, insertId, receivedAt));
          case ItemCandidate item -> items.add(item.toUpdate(project, insertId, receivedAt));
        }
        if (key != null) {
          trackedHere.put(key, insertId);
        }
        outcomes.add(new RecordOutcome.Accepted(index, insertId));
      } else {
        String id = ids.get();
        // Personal values are protected in quarantine too: it is kept, shown and exported.
        JsonNode kept =
            validator.map(plan -> plan.pii().redact(record.json())).orElse(record.json());
        quarantined.add(new QuarantinedRecord(project, id, receivedAt, reasons, kept.toString()));
        outcomes.add(new RecordOutcome.Quarantined(index, id, reasons));
      }
    }
    if (!newDrafts.isEmpty()) {
      drafts.register(project, List.copyOf(newDrafts));
    }
    publisher.publish(accepted, profiles, items, quarantined);
    // Only now: had the publish failed, the sender's retry must be stored, not taken as a copy.
    trackedHere.forEach(trackIds::remember);
    return outcomes;
  }

  /**
   * Validates every record exactly as {@link #ingest} would, but publishes nothing: the dry run of
   * the SDKs' debug mode.
   */
  public List<CheckedRecord> check(
      String project, List<ReceivedRecord> records, Enrichment enrichment, Source source) {
    Instant receivedAt = clock.instant();
    Optional<CompiledPlan> validator = compiledPlanOf(project);
    List<CheckedRecord> checked = new ArrayList<>();
    for (int index = 0; index < records.size(); index++) {
      List<QuarantineReason> reasons = new ArrayList<>();
      evaluate(project, records.get(index), validator, enrichment, source, receivedAt, reasons);
      checked.add(new CheckedRecord(index, reasons));
    }
    return checked;
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

  private Optional<CompiledPlan> compiledPlanOf(String project) {
    return plans.find(project).map(compiledPlans::forPlan);
  }

  /** The event to accept, or null with {@code reasons} filled. */
  private Candidate evaluate(
      String project,
      ReceivedRecord record,
      Optional<CompiledPlan> validator,
      Enrichment enrichment,
      Source source,
      Instant receivedAt,
      List<QuarantineReason> reasons) {
    if (record instanceof ReceivedRecord.Oversized oversized) {
      reasons.add(
          new QuarantineReason(
              QuarantineCode.PAYLOAD_TOO_LARGE,
              "",
              "the record has "
                  + oversized.bytes()
                  + " bytes, more than the limit of "
                  + oversized.limit()));
      return null;
    }
    if (validator.isEmpty()) {
      reasons.add(
          new QuarantineReason(
              QuarantineCode.UNKNOWN_PROJECT, "project", "the project has no tracking plan"));
      return null;
    }
    switch (parser.parse(record.json())) {
      case RecordParser.Malformed malformed -> {
        reasons.addAll(malformed.reasons());
        return null;
      }
      case RecordParser.Unsupported unsupported -> {
        reasons.addAll(unsupported.reasons());
        return null;
      }
      case RecordParser.Parsed parsed -> {
        timeRanges.of(project).check(parsed.time(), receivedAt).ifPresent(reasons::add);
        CompiledPlan plan = validator.get();
        Map<String, Object> properties = enrichment.applyTo(parsed.properties());
        ValidationResult result = plan.validator().check(parsed.event(), properties);
        reasons.addAll(result.reasons());
        reasons.addAll(plan.sides().check(parsed.event(), parsed.properties(), source));
        return reasons.isEmpty() && result.conforms()
            ? new EventCandidate(parsed, plan.pii().protect(properties), result.drafts())
            : null;
      }
      case RecordParser.ParsedProfile profile -> {
        // Not enriched: the client's IP and user agent describe a request, not the user.
        timeRanges.of(project).check(profile.time(), receivedAt).ifPresent(reasons::add);
        reasons.addAll(ProfileChecks.check(profile.operation(), profile.properties()));
        if (profile.operation() != ProfileOperation.UNSET) {
          // Removing a FORBIDDEN property is fine; setting one is not, on a user as on an event.
          reasons.addAll(validator.get().pii().forbiddenIn(profile.properties()));
        }
        return reasons.isEmpty()
            ? new ProfileCandidate(profile, validator.get().pii().protect(profile.properties()))
            : null;
      }
      case RecordParser.ParsedItem item -> {
        // Not enriched either: an item describes a thing, not the request that set it.
        timeRanges.of(project).check(item.time(), receivedAt).ifPresent(reasons::add);
        reasons.addAll(ItemChecks.check(item.properties()));
        PiiProtection pii = validator.get().pii();
        reasons.addAll(pii.forbiddenIn(item.properties()));
        return reasons.isEmpty() ? new ItemCandidate(item, pii.protect(item.properties())) : null;
      }
    }
  }

  /** A record that passed validation. */
  private sealed interface Candidate {

    /** The record's identity for de-duplication, or null when the SDK sent no {@code _track_id}. */
    TrackIdWindow.Key trackKey(String project);
  }

  /** A profile record that passed its checks. */
  private record ProfileCandidate(RecordParser.ParsedProfile parsed, Map<String, Object> properties)
      implements Candidate {

    @Override
    public TrackIdWindow.Key trackKey(String project) {
      Long trackId = parsed.trackId();
      return trackId == null ? null : new TrackIdWindow.Key(project, parsed.distinctId(), trackId);
    }

    ProfileUpdate toUpdate(String project, String insertId, Instant receivedAt) {
      return new ProfileUpdate(
          project,
          parsed.distinctId(),
          parsed.operation(),
          properties,
          parsed.time(),
          insertId,
          receivedAt);
    }
  }

  /** An item record that passed its checks, with the properties it will be stored with. */
  private record ItemCandidate(RecordParser.ParsedItem parsed, Map<String, Object> properties)
      implements Candidate {

    @Override
    public TrackIdWindow.Key trackKey(String project) {
      Long trackId = parsed.trackId();
      return trackId == null
          ? null
          : TrackIdWindow.Key.ofItem(project, parsed.itemType(), parsed.itemId(), trackId);
    }

    ItemUpdate toUpdate(String project, String insertId, Instant receivedAt) {
      return new ItemUpdate(
          project,
          parsed.itemType(),
          parsed.itemId(),
          parsed.operation(),
          properties,
          parsed.time(),
          insertId,
          receivedAt);
    }
  }

  /**
   * An event that passed validation, with the properties it will be stored with and, in a
   * permissive project, what it adds to the plan.
   */
  private record EventCandidate(
      RecordParser.Parsed parsed,
      Map<String, Object> properties,
      Optional<DraftRegistration> drafts)
      implements Candidate {

    @Override
    public TrackIdWindow.Key trackKey(String project) {
      Long trackId = parsed.trackId();
      return trackId == null ? null : new TrackIdWindow.Key(project, parsed.distinctId(), trackId);
    }

    TrackedEvent toEvent(String project, String insertId, Instant receivedAt) {
      return new TrackedEvent(
          project,
          parsed.event(),
          parsed.distinctId(),
          parsed.time(),
          insertId,
          parsed.trackId(),
          properties,
          receivedAt,
          parsed.originalId());
    }
  }

  /** What a plan version says about records, compiled once: types, senders, personal values. */
  private record CompiledPlan(
      long version, EventValidator validator, CollectionSides sides, PiiProtection pii) {}

  /** Compiles each project's plan once per version. */
  private final class PlanRulesCache {

    private final ConcurrentMap<String, CompiledPlan> byProject = new ConcurrentHashMap<>();

    CompiledPlan forPlan(TrackingPlan plan) {
      return byProject.compute(
          plan.project(),
          (project, compiled) ->
              compiled != null && compiled.version() == plan.version()
                  ? compiled
                  : new CompiledPlan(
                      plan.version(),
                      EventValidator.compile(plan),
                      CollectionSides.of(plan),
                      PiiProtection.of(plan, () -> hashKeys.apply(project))));
    }
  }
}
