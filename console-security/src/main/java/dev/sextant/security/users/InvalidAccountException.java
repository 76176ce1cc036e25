package dev.sextant.security.users;

/**
 * An account field with a value the console cannot accept; names the field for the problem JSON.
 */
public class InvalidAccountException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidAccountException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
