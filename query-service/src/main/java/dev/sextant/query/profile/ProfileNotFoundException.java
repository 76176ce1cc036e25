package dev.sextant.query.profile;

/** The user has no profile: no update was ever sent for any of its ids, or the last deleted it. */
public final class ProfileNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProfileNotFoundException(String project, String distinctId) {
    super("user " + distinctId + " of project " + project + " has no profile");
  }
}
