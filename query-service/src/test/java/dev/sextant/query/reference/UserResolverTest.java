package dev.sextant.query.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.IdLink;
import dev.sextant.event.TrackedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserResolverTest {

  private static final Instant T = Instant.parse("2026-03-08T10:00:00Z");

  private static TrackedEvent by(String distinctId) {
    return new TrackedEvent("p", "View", distinctId, T, "i", null, Map.of(), T);
  }

  private static IdLink link(String anonymousId, String loginId, Instant at) {
    return new IdLink("p", anonymousId, loginId, at);
  }

  @Test
  void anAnonymousIdCountsForTheLoginIdItIsLinkedTo() {
    UserResolver users = UserResolver.linking(List.of(link("anon", "login", T)));

    assertThat(users.userOf(by("anon"))).isEqualTo("login");
    assertThat(users.userOf(by("login"))).isEqualTo("login");
    assertThat(users.userOf(by("other"))).isEqualTo("other");
  }

  @Test
  void theEarliestLinkWinsWhateverTheOrderThenTheSmallerLoginId() {
    UserResolver users =
        UserResolver.linking(
            List.of(
                link("anon", "second", T.plusMillis(1)),
                link("anon", "first", T),
                link("tied", "b", T),
                link("tied", "a", T)));

    assertThat(users.userOf(by("anon"))).isEqualTo("first");
    assertThat(users.userOf(by("tied"))).isEqualTo("a");
  }

  @Test
  void loginIdsNeverMergeFurther() {
    UserResolver users =
        UserResolver.linking(List.of(link("anon", "login-1", T), link("login-1", "login-2", T)));

    assertThat(users.userOf(by("anon"))).isEqualTo("login-1");
  }
}
