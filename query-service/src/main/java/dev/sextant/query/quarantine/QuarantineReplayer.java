package dev.sextant.query.quarantine;

import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantineReplay;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.query.quarantine.RecordResubmitter.Resubmission;
import dev.sextant.store.EventStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replays quarantined records after the tracking plan was fixed: each goes through the collector's
 * validation again; a record that now conforms is stored and its replay recorded, so it is never
 * replayed (and stored) twice; one that still does not stays in quarantine, unchanged, with the
 * reasons it has now. Nothing is added to the quarantine by a replay: one record in, one out.
 *
 * <p>Replays of a project run one at a time in this process, so two admins pressing the button at
 * once cannot store a record twice.
 */
public final class QuarantineReplayer {

  /** The most records one replay takes. */
  public static final int MAX_RECORDS = 1000;

  private final EventStore store;
  private final RecordResubmitter resubmitter;
  private final Clock clock;
  private final ConcurrentMap<String, Object> projectLocks = new ConcurrentHashMap<>();

  public QuarantineReplayer(EventStore store, RecordResubmitter resubmitter, Clock clock) {
    this.store = store;
    this.resubmitter = resubmitter;
    this.clock = clock;
  }

  /** What became of one quarantined record. */
  public record ReplayResult(
      String quarantineId, ReplayStatus status, String insertId, List<QuarantineReason> reasons) {

    public ReplayResult {
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
  }

  /** The outcome of one replayed record. */
  public enum ReplayStatus {
    /** Conforms now and was stored. */
    REPLAYED,
    /** Would be stored (a dry run stores nothing). */
    WOULD_REPLAY,
    /** Still breaks the plan: it stays in quarantine. */
    STILL_INVALID,
    /** Replayed before: not stored again. */
    ALREADY_REPLAYED,
    /** No quarantined record of the project has this id. */
    NOT_FOUND
  }

  /**
   * @param ids the quarantined records, at most {@link #MAX_RECORDS}
   * @param actor who replays, recorded with each replay
   */
  public List<ReplayResult> replay(
      String project, List<String> ids, boolean asBackEnd, boolean dryRun, String actor) {
    List<String> requested = checkedIds(ids);
    synchronized (projectLocks.computeIfAbsent(project, p -> new Object())) {
      Map<String, QuarantinedRecord> found =
          store.findQuarantined(project, requested).stream()
              .collect(Collectors.toMap(QuarantinedRecord::quarantineId, Function.identity()));
      Map<String, QuarantineReplay> earlier = store.findReplays(project, requested);
      List<QuarantinedRecord> candidates =
          requested.stream()
              .filter(id -> found.containsKey(id) && !earlier.containsKey(id))
              .map(found::get)
              .toList();
      Map<String, ReplayResult> results = new HashMap<>();
      List<QuarantinedRecord> conforming =
          keepConforming(project, candidates, asBackEnd, dryRun, results);
      if (!dryRun && !conforming.isEmpty()) {
        store(project, conforming, asBackEnd, actor, results);
      }
      List<ReplayResult> answer = new ArrayList<>();
      for (String id : requested) {
        if (!found.containsKey(id)) {
          answer.add(new ReplayResult(id, ReplayStatus.NOT_FOUND, null, null));
        } else if (earlier.containsKey(id)) {
          answer.add(
              new ReplayResult(
                  id, ReplayStatus.ALREADY_REPLAYED, earlier.get(id).insertId(), null));
        } else {
          answer.add(results.get(id));
        }
      }
      return answer;
    }
  }

  private List<QuarantinedRecord> keepConforming(
      String project,
      List<QuarantinedRecord> candidates,
      boolean asBackEnd,
      boolean dryRun,
      Map<String, ReplayResult> results) {
    List<Resubmission> checked =
        candidates.isEmpty()
            ? List.of()
            : resubmitter.check(project, payloadsOf(candidates), asBackEnd);
    List<QuarantinedRecord> conforming = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      String id = candidates.get(i).quarantineId();
      if (checked.get(i) instanceof Resubmission.Refused refused) {
        results.put(id, new ReplayResult(id, ReplayStatus.STILL_INVALID, null, refused.reasons()));
      } else {
        conforming.add(candidates.get(i));
        if (dryRun) {
          results.put(id, new ReplayResult(id, ReplayStatus.WOULD_REPLAY, null, null));
        }
      }
    }
    return conforming;
  }

  private void store(
      String project,
      List<QuarantinedRecord> conforming,
      boolean asBackEnd,
      String actor,
      Map<String, ReplayResult> results) {
    List<Resubmission> stored = resubmitter.submit(project, payloadsOf(conforming), asBackEnd);
    List<QuarantineReplay> replays = new ArrayList<>();
    for (int i = 0; i < conforming.size(); i++) {
      String id = conforming.get(i).quarantineId();
      switch (stored.get(i)) {
        case Resubmission.Accepted accepted -> {
          replays.add(new QuarantineReplay(id, clock.instant(), accepted.insertId(), actor));
          results.put(id, new ReplayResult(id, ReplayStatus.REPLAYED, accepted.insertId(), null));
        }
        case Resubmission.Duplicate duplicate -> {
          replays.add(new QuarantineReplay(id, clock.instant(), duplicate.insertId(), actor));
          // Stored already under the same _track_id: it is in the store, once.
          results.put(id, new ReplayResult(id, ReplayStatus.REPLAYED, duplicate.insertId(), null));
        }
        case Resubmission.Conforms conforms ->
            throw new IllegalStateException("submit answered what only check answers");
        // The plan changed between the check and the store: the collector kept a new copy.
        case Resubmission.Refused refused ->
            results.put(
                id, new ReplayResult(id, ReplayStatus.STILL_INVALID, null, refused.reasons()));
      }
    }
    store.recordReplays(project, replays);
  }

  private static List<String> payloadsOf(List<QuarantinedRecord> records) {
    return records.stream().map(QuarantinedRecord::payload).toList();
  }

  private static List<String> checkedIds(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw new IllegalArgumentException("ids: name at least one quarantined record");
    }
    if (ids.size() > MAX_RECORDS) {
      throw new IllegalArgumentException(
          "ids: at most " + MAX_RECORDS + " records per replay, not " + ids.size());
    }
    for (String id : ids) {
      if (id == null || id.isBlank() || id.length() > 100) {
        throw new IllegalArgumentException("ids: every id is a quarantine id, 1 to 100 characters");
      }
    }
    return List.copyOf(new LinkedHashSet<>(ids));
  }
}
