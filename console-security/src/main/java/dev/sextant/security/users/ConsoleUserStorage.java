package dev.sextant.security.users;

import java.util.List;
import java.util.Optional;

/** Where console users are kept (H2 embedded, PostgreSQL distributed). */
public interface ConsoleUserStorage {

  Optional<ConsoleUser> find(String username);

  /** Every user, by username. */
  List<ConsoleUser> all();

  /**
   * @throws UsernameTakenException when the username is in use
   */
  void create(ConsoleUser user);

  /**
   * Replaces the stored user of the same username.
   *
   * @throws UserNotFoundException when there is none
   */
  void update(ConsoleUser user);

  boolean isEmpty();
}
