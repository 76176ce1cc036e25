package dev.sextant.registry.history;

import java.time.Instant;
import java.util.List;

/**
 * One saved version of a project's plan: who saved it, when, and what it changed from the version
 * before.
 *
 * @param project the project
 * @param version the version number, from 1
 * @param author who saved it, as the request said ({@code X-Sextant-Author}); there is no
 *     authentication yet
 * @param savedAt when
 * @param changes what it changed from the version before
 */
public record PlanVersion(
    String project, long version, String author, Instant savedAt, List<PlanChange> changes) {

  public PlanVersion {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
