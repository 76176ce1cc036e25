package dev.sextant.query.quarantine;

import dev.sextant.event.QuarantinedRecord;
import dev.sextant.store.EventStore;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The records a project's senders got wrong, newest first, with the reasons. */
@RestController
public class QuarantineController {

  static final int MAX_LIMIT = 1000;

  private final EventStore store;

  public QuarantineController(EventStore store) {
    this.store = store;
  }

  @GetMapping("/api/v1/projects/{project}/quarantine")
  public QuarantinePage quarantined(
      @PathVariable String project, @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    return new QuarantinePage(project, store.findQuarantined(project, limit));
  }

  /** The answer. */
  public record QuarantinePage(String project, List<QuarantinedRecord> records) {}
}
