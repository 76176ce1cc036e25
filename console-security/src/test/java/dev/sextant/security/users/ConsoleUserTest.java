package dev.sextant.security.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleUserTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private static ConsoleUser user(String name, Role role, Set<String> lines) {
    return new ConsoleUser(name, "{bcrypt}x", role, lines, false, true, NOW, NOW);
  }

  @Test
  void scopesOnlyAnalystsToBusinessLines() {
    assertThat(user("wang", Role.ANALYST, Set.of("p2p", "forex")).sortedBusinessLines())
        .containsExactly("forex", "p2p");
    assertThatThrownBy(() -> user("wang", Role.ANALYST, Set.of()))
        .hasMessageContaining("at least one business line");
    assertThatThrownBy(() -> user("zhao", Role.CUSTOMER_SERVICE, Set.of("p2p")))
        .hasMessageContaining("only analysts");
  }

  @Test
  void refusesUsernamesAndLinesThatCouldNotBeStoredSafely() {
    assertThatThrownBy(() -> user("a", Role.ADMIN, Set.of())).hasMessageContaining("2 to 64");
    assertThatThrownBy(() -> user("a,b' OR 1=1", Role.ADMIN, Set.of()))
        .isInstanceOf(InvalidAccountException.class);
    assertThatThrownBy(() -> user("wang", Role.ANALYST, Set.of("p2p,forex")))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("not a business-line name");
  }
}
