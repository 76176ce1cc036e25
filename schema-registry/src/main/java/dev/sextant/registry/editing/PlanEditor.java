package dev.sextant.registry.editing;

import dev.sextant.registry.history.PlanChange;
import dev.sextant.registry.history.PlanDiff;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.rules.PlanRules;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.registry.storage.PlanVersionConflictException;
import dev.sextant.registry.storage.TrackingPlanNotFoundException;
import dev.sextant.registry.validation.DraftRegistration;
import java.util.List;
import java.util.Optional;

/**
 * Every write of a plan goes through here: the change is checked against the rules and the version
 * it is based on ({@link PlanRules}), diffed ({@link PlanDiff}), and saved in its stable order as a
 * new version with its author. A change that changes nothing saves nothing. No Spring, no I/O of
 * its own: storage is passed in.
 */
public final class PlanEditor {

  /** The author of drafts registered from received data. */
  public static final String DRAFTS_AUTHOR = "sextant-collector";

  static final int DRAFT_ATTEMPTS = 5;

  private final PlanStorage storage;

  public PlanEditor(PlanStorage storage) {
    this.storage = storage;
  }

  /**
   * Checks a proposed plan and saves it as the next version, unless {@code dryRun}.
   *
   * @param proposed the whole new plan; its {@code version} is the version it is based on
   * @throws dev.sextant.registry.rules.PlanRejectedException with every rule it breaks
   * @throws PlanVersionConflictException when its base is not the current version
   */
  public ChangeOutcome apply(TrackingPlan proposed, String author, boolean dryRun) {
    Optional<TrackingPlan> base = requireCurrentBase(proposed);
    PlanRules.requireValidChange(base, proposed);
    TrackingPlan normalized = proposed.normalized();
    List<PlanChange> changes = PlanDiff.between(base, normalized);
    long baseVersion = proposed.version();
    if (dryRun) {
      return new ChangeOutcome(
          proposed.project(), baseVersion, baseVersion + 1, true, false, author, null, changes);
    }
    if (changes.isEmpty() && base.isPresent()) {
      return new ChangeOutcome(
          proposed.project(), baseVersion, baseVersion, false, false, author, null, changes);
    }
    PlanVersion saved = storage.save(new PlanRevision(normalized, author, changes));
    return new ChangeOutcome(
        proposed.project(),
        baseVersion,
        saved.version(),
        false,
        true,
        author,
        saved.savedAt(),
        changes);
  }

  /**
   * Adds drafts reported by the validator of a permissive project to its plan, as a new version by
   * {@value #DRAFTS_AUTHOR}. Safe to call from several collectors at once: it merges into the
   * latest version and tries again when another save came first.
   *
   * @return the new version; empty when the plan already had everything
   */
  public Optional<PlanVersion> registerDrafts(String project, DraftRegistration drafts) {
    PlanVersionConflictException conflict = null;
    for (int attempt = 0; attempt < DRAFT_ATTEMPTS; attempt++) {
      TrackingPlan current =
          latest(project).orElseThrow(() -> new TrackingPlanNotFoundException(project));
      TrackingPlan merged = DraftMerge.merge(current, drafts);
      List<PlanChange> changes = PlanDiff.between(Optional.of(current), merged);
      if (changes.isEmpty()) {
        return Optional.empty();
      }
      PlanRules.requireValidChange(Optional.of(current), merged);
      try {
        return Optional.of(
            storage.save(new PlanRevision(merged.normalized(), DRAFTS_AUTHOR, changes)));
      } catch (PlanVersionConflictException e) {
        conflict = e;
      }
    }
    throw conflict;
  }

  /** The plan a change is based on; fails when it is not the current version. */
  private Optional<TrackingPlan> requireCurrentBase(TrackingPlan proposed) {
    String project = proposed.project();
    long current = currentVersion(project);
    if (current != proposed.version()) {
      throw new PlanVersionConflictException(project, proposed.version());
    }
    return current == 0 ? Optional.empty() : storage.find(project, current);
  }

  /** The latest version, read past any cache: edits must not be based on a stale copy. */
  private Optional<TrackingPlan> latest(String project) {
    long current = currentVersion(project);
    return current == 0 ? Optional.empty() : storage.find(project, current);
  }

  private long currentVersion(String project) {
    return storage.history(project, 1).stream().findFirst().map(PlanVersion::version).orElse(0L);
  }
}
