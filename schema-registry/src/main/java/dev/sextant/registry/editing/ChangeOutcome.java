package dev.sextant.registry.editing;

import dev.sextant.registry.history.PlanChange;
import java.time.Instant;
import java.util.List;

/**
 * What a change to a plan did, or would do in a dry run.
 *
 * @param project the project
 * @param baseVersion the version the change was based on (0 for a new project)
 * @param version the version that holds the change: the new one when saved, the one it would get in
 *     a dry run, the base when nothing changed
 * @param dryRun whether this was only a preview
 * @param saved whether a new version was written
 * @param author who made the change
 * @param savedAt when it was saved; none unless saved
 * @param changes what changed from the base version
 */
public record ChangeOutcome(
    String project,
    long baseVersion,
    long version,
    boolean dryRun,
    boolean saved,
    String author,
    Instant savedAt,
    List<PlanChange> changes) {

  public ChangeOutcome {
    changes = List.copyOf(changes);
  }
}
