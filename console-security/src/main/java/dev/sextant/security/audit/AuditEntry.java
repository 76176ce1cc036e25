package dev.sextant.security.audit;

import java.time.Instant;

/**
 * One audited action.
 *
 * @param id the entry's number, increasing; 0 before it is stored
 * @param at when it happened
 * @param actor the signed-in username, or the name tried when signing in failed
 * @param action what was done
 * @param project the project it concerned, if any
 * @param subject which user, segment, key or account it concerned, if any
 * @param outcome the HTTP status answered: a denied lookup is recorded too (403)
 * @param detail anything else worth keeping, e.g. the client address of a failed sign-in
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    AuditAction action,
    String project,
    String subject,
    int outcome,
    String detail) {

  public AuditEntry {
    actor = truncate(actor, 64);
    subject = truncate(subject, 1000);
    detail = truncate(detail, 2000);
  }

  private static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
