package dev.sextant.security.users;

/** No user has this username. */
public class UserNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UserNotFoundException(String username) {
    super("no user named " + username);
  }
}
