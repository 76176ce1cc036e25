package dev.sextant.security.users;

/** The current password given to change a password is not the user's. */
public class WrongPasswordException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WrongPasswordException() {
    super("the current password is not right");
  }
}
