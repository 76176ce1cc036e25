package dev.sextant.security.signin;

import dev.sextant.security.users.ConsoleUser;
import dev.sextant.security.users.Role;
import java.util.Set;

/**
 * What the console knows about its session: who is signed in and what they may do.
 *
 * @param authenticated whether someone is signed in; the other fields are null when not
 */
public record SessionView(
    boolean authenticated,
    String username,
    Role role,
    Set<String> businessLines,
    Boolean mustChangePassword) {

  public static final SessionView ANONYMOUS = new SessionView(false, null, null, null, null);

  public static SessionView of(ConsoleUser user) {
    return new SessionView(
        true, user.username(), user.role(), user.sortedBusinessLines(), user.mustChangePassword());
  }
}
