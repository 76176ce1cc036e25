package dev.sextant.security.users;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creating users, changing passwords and access: the account rules over the storage. */
public final class ConsoleUsers {

  private final ConsoleUserStorage storage;
  private final PasswordEncoder passwords;
  private final Clock clock;

  public ConsoleUsers(ConsoleUserStorage storage, PasswordEncoder passwords, Clock clock) {
    this.storage = storage;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * Creates a user whose password was chosen by someone else (an admin, or first start).
   *
   * @param mustChangePassword whether the user must choose their own password first
   */
  public ConsoleUser create(
      String username,
      String password,
      Role role,
      Set<String> businessLines,
      boolean mustChangePassword) {
    PasswordPolicy.check(username, password);
    var now = clock.instant();
    ConsoleUser user =
        new ConsoleUser(
            username,
            passwords.encode(password),
            role,
            businessLines,
            mustChangePassword,
            true,
            now,
            now);
    storage.create(user);
    return user;
  }

  /** The user changes their own password, proving the current one. */
  public ConsoleUser changePassword(String username, String currentPassword, String newPassword) {
    ConsoleUser user = find(username);
    if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
      throw new WrongPasswordException();
    }
    PasswordPolicy.check(username, newPassword);
    if (passwords.matches(newPassword, user.passwordHash())) {
      throw new InvalidAccountException("new_password", "the new password is the current one");
    }
    ConsoleUser changed = user.withPassword(passwords.encode(newPassword), false, clock.instant());
    storage.update(changed);
    return changed;
  }

  /** An admin sets a user's password; the user must change it at their next sign-in. */
  public ConsoleUser resetPassword(String username, String temporaryPassword) {
    PasswordPolicy.check(username, temporaryPassword);
    ConsoleUser changed =
        find(username).withPassword(passwords.encode(temporaryPassword), true, clock.instant());
    storage.update(changed);
    return changed;
  }

  /** An admin changes what a user may do, or disables them. */
  public ConsoleUser changeAccess(
      String username, Role role, Set<String> businessLines, boolean enabled) {
    ConsoleUser changed = find(username).withAccess(role, businessLines, enabled);
    storage.update(changed);
    return changed;
  }

  public ConsoleUser find(String username) {
    return storage.find(username).orElseThrow(() -> new UserNotFoundException(username));
  }

  public List<ConsoleUser> all() {
    return storage.all();
  }
}
