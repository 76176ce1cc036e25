package dev.sextant.security.access;

import dev.sextant.security.users.ConsoleUserStorage;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who the current request is made for, read from the security context and the user storage. */
public final class ConsoleActors {

  private final ConsoleUserStorage users;

  public ConsoleActors(ConsoleUserStorage users) {
    this.users = users;
  }

  /** The signed-in actor of the current request; empty for anonymous requests. */
  public Optional<ConsoleActor> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return users
        .find(authentication.getName())
        .map(user -> new ConsoleActor(user.username(), user.role(), user.businessLines()));
  }
}
