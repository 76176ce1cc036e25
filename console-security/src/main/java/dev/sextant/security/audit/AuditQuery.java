package dev.sextant.security.audit;

/**
 * A page of the audit log, newest first.
 *
 * @param actor only this actor's entries; any when null
 * @param action only this action; any when null
 * @param subject only entries about this subject (e.g. one user id); any when null
 * @param beforeId only entries older than this id (the previous page's last); from the newest when
 *     null
 * @param limit at most this many, 1 to 1000
 */
public record AuditQuery(
    String actor, AuditAction action, String subject, Long beforeId, int limit) {

  public AuditQuery {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000");
    }
  }
}
