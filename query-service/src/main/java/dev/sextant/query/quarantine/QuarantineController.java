package dev.sextant.query.quarantine;

import dev.sextant.event.QuarantineReason;
import dev.sextant.event.QuarantineReplay;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.query.quarantine.QuarantineReplayer.ReplayResult;
import dev.sextant.query.quarantine.QuarantineReplayer.ReplayStatus;
import dev.sextant.store.EventStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records a project's senders got wrong, newest first, with the reasons and whether each was
 * replayed; and their replay once the tracking plan is fixed.
 */
@RestController
public class QuarantineController {

  static final int MAX_LIMIT = 1000;

  private final EventStore store;
  private final QuarantineReplayer replayer;

  public QuarantineController(
      EventStore store, ObjectProvider<RecordResubmitter> resubmitter, Clock clock) {
    this.store = store;
    RecordResubmitter available = resubmitter.getIfAvailable();
    this.replayer = available == null ? null : new QuarantineReplayer(store, available, clock);
  }

  @GetMapping("/api/v1/projects/{project}/quarantine")
  public QuarantinePage quarantined(
      @PathVariable String project, @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    List<QuarantinedRecord> records = store.findQuarantined(project, limit);
    Map<String, QuarantineReplay> replays =
        store.findReplays(project, records.stream().map(QuarantinedRecord::quarantineId).toList());
    return new QuarantinePage(
        project,
        records.stream().map(r -> Entry.of(r, replays.get(r.quarantineId()))).toList(),
        replayer != null);
  }

  /**
   * Replays quarantined records through the collector. {@code as_back_end} takes them as from the
   * project's back end (its secret key), which only an admin may vouch for.
   */
  @PostMapping("/api/v1/projects/{project}/quarantine/replay")
  public ReplayReport replay(
      @PathVariable String project, @RequestBody ReplayRequest request, HttpServletRequest http) {
    if (replayer == null) {
      throw new ReplayUnavailableException();
    }
    if (request.asBackEnd() && !http.isUserInRole("ADMIN")) {
      throw new ReplayForbiddenException();
    }
    String actor =
        http.getUserPrincipal() == null ? "anonymous" : http.getUserPrincipal().getName();
    return ReplayReport.of(
        replayer.replay(project, request.ids(), request.asBackEnd(), request.dryRun(), actor),
        request.dryRun());
  }

  /** The listing. {@code replay_available}: whether this process can replay. */
  public record QuarantinePage(String project, List<Entry> records, boolean replayAvailable) {}

  /** A quarantined record, and its replay if it was replayed. */
  public record Entry(
      String project,
      String quarantineId,
      Instant receivedAt,
      List<QuarantineReason> reasons,
      String payload,
      QuarantineReplay replay) {

    static Entry of(QuarantinedRecord record, QuarantineReplay replay) {
      return new Entry(
          record.project(),
          record.quarantineId(),
          record.receivedAt(),
          record.reasons(),
          record.payload(),
          replay);
    }
  }

  /** Which records to replay, at most 1000; both flags are false unless sent. */
  public record ReplayRequest(List<String> ids, Boolean asBackEnd, Boolean dryRun) {

    public ReplayRequest {
      asBackEnd = Boolean.TRUE.equals(asBackEnd);
      dryRun = Boolean.TRUE.equals(dryRun);
    }
  }

  /** The counts per status, and each record's result in the request's order. */
  public record ReplayReport(boolean dryRun, Map<String, Long> counts, List<Result> results) {

    static ReplayReport of(List<ReplayResult> results, boolean dryRun) {
      Map<String, Long> counts = new java.util.TreeMap<>();
      for (ReplayStatus status : ReplayStatus.values()) {
        counts.put(name(status), 0L);
      }
      results.forEach(result -> counts.merge(name(result.status()), 1L, Long::sum));
      return new ReplayReport(
          dryRun,
          counts,
          results.stream()
              .map(r -> new Result(r.quarantineId(), name(r.status()), r.insertId(), r.reasons()))
              .toList());
    }

    private static String name(ReplayStatus status) {
      return status.name().toLowerCase(Locale.ROOT);
    }
  }

  /** One record's result. */
  public record Result(
      String quarantineId, String status, String insertId, List<QuarantineReason> reasons) {}
}
