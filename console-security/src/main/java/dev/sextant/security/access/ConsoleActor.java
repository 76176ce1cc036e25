package dev.sextant.security.access;

import dev.sextant.security.users.Role;
import java.util.Set;

/**
 * The signed-in person a request is made for, as services need to know them: to scope an analyst's
 * analyses to their business lines, or to name the author of a plan change.
 */
public record ConsoleActor(String username, Role role, Set<String> businessLines) {

  public ConsoleActor {
    businessLines = Set.copyOf(businessLines);
  }

  /** Whether this actor sees every business line (everyone but an analyst). */
  public boolean seesAllBusinessLines() {
    return role != Role.ANALYST;
  }
}
