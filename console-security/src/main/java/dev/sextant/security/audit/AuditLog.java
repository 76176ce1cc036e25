package dev.sextant.security.audit;

import java.util.List;

/** Where audit entries are appended and read back; entries are never changed or deleted here. */
public interface AuditLog {

  void record(AuditEntry entry);

  /**
   * Entries newest first.
   *
   * @param query which entries, and the page
   */
  List<AuditEntry> find(AuditQuery query);
}
