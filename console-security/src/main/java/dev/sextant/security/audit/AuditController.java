package dev.sextant.security.audit;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for admins: {@code GET /api/v1/admin/audit}, newest first, paged by id. */
@RestController
public class AuditController {

  /** One page and the id to ask for the next one with ({@code before_id}), null at the end. */
  public record AuditPage(List<AuditEntry> entries, Long nextBeforeId) {}

  private final AuditLog log;

  public AuditController(AuditLog log) {
    this.log = log;
  }

  @GetMapping("/api/v1/admin/audit")
  public AuditPage entries(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String subject,
      @RequestParam(name = "before_id", required = false) Long beforeId,
      @RequestParam(defaultValue = "100") int limit) {
    List<AuditEntry> entries = log.find(new AuditQuery(actor, action, subject, beforeId, limit));
    Long next = entries.size() < limit ? null : entries.getLast().id();
    return new AuditPage(entries, next);
  }
}
