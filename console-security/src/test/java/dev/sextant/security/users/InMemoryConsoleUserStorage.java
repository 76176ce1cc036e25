package dev.sextant.security.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A hand-written fake of the storage for the account rules' unit tests. */
final class InMemoryConsoleUserStorage implements ConsoleUserStorage {

  private final Map<String, ConsoleUser> users = new TreeMap<>();

  @Override
  public Optional<ConsoleUser> find(String username) {
    return Optional.ofNullable(users.get(username));
  }

  @Override
  public List<ConsoleUser> all() {
    return new ArrayList<>(users.values());
  }

  @Override
  public void create(ConsoleUser user) {
    if (users.putIfAbsent(user.username(), user) != null) {
      throw new UsernameTakenException(user.username());
    }
  }

  @Override
  public void update(ConsoleUser user) {
    if (users.replace(user.username(), user) == null) {
      throw new UserNotFoundException(user.username());
    }
  }

  @Override
  public boolean isEmpty() {
    return users.isEmpty();
  }
}
