package dev.sextant.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A link from an anonymous id to the login id it signed up as ({@code track_signup}): from then on,
 * at query time, the anonymous id's events count for the login id's user.
 *
 * <p>An anonymous id links to one login id: when it is linked again, to another login id, the
 * earliest link wins (ties by the smaller login id), so every engine and every replay agrees.
 *
 * @param project the project both ids belong to
 * @param anonymousId the id the events were sent under before signing up ({@code original_id})
 * @param loginId the id after signing up ({@code distinct_id} of the signup)
 * @param linkedAt when the link was made: the time of the signup event
 */
public record IdLink(String project, String anonymousId, String loginId, Instant linkedAt) {

  public IdLink {
    requireText(project, "project");
    requireText(anonymousId, "anonymousId");
    requireText(loginId, "loginId");
    Objects.requireNonNull(linkedAt, "linkedAt");
    if (anonymousId.equals(loginId)) {
      throw new IllegalArgumentException("an id cannot be linked to itself: " + loginId);
    }
  }

  /** The link a signup event carries, if it carries one. */
  public static Optional<IdLink> of(TrackedEvent event) {
    return event.originalId() == null
        ? Optional.empty()
        : Optional.of(
            new IdLink(event.project(), event.originalId(), event.distinctId(), event.time()));
  }

  /** Whether this link wins over {@code other} for the same anonymous id: earlier, then smaller. */
  public boolean precedes(IdLink other) {
    int byTime = linkedAt.compareTo(other.linkedAt);
    return byTime < 0 || (byTime == 0 && loginId.compareTo(other.loginId) < 0);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
