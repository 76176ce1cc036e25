package dev.sextant.registry.validation;

import dev.sextant.event.QuarantineReason;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one record.
 *
 * @param reasons every way the record breaks the plan; empty when it is to be accepted
 * @param drafts for an accepted record of a permissive project, what to register as drafts; never
 *     present when there are reasons
 */
public record ValidationResult(List<QuarantineReason> reasons, Optional<DraftRegistration> drafts) {

  /**
   * The record conforms and there is nothing to register: shared, so the happy path allocates
   * nothing.
   */
  public static final ValidationResult CONFORMS = new ValidationResult(List.of(), Optional.empty());

  public ValidationResult {
    reasons = List.copyOf(reasons);
    if (!reasons.isEmpty() && drafts.isPresent()) {
      throw new IllegalArgumentException("a quarantined record registers no drafts");
    }
  }

  /** Whether the record is to be accepted. */
  public boolean conforms() {
    return reasons.isEmpty();
  }
}
