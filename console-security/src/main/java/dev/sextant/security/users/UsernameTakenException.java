package dev.sextant.security.users;

/** A user with this username exists already. */
public class UsernameTakenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsernameTakenException(String username) {
    super("a user named " + username + " exists already");
  }
}
