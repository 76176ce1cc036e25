package dev.sextant.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdLinkTest {

  private static final Instant T = Instant.parse("2026-11-25T08:00:00Z");

  private static TrackedEvent signup(String loginId) {
    return new TrackedEvent("demo", "$SignUp", loginId, T, "i-1", null, Map.of(), T);
  }

  @Test
  void aSignupCarriesTheLinkFromItsOriginalIdToItsDistinctId() {
    assertThat(IdLink.of(signup("login-1").linking("anon-1")))
        .contains(new IdLink("demo", "anon-1", "login-1", T));
  }

  @Test
  void anOrdinaryEventCarriesNoLink() {
    assertThat(IdLink.of(signup("login-1"))).isEmpty();
    assertThat(signup("login-1").linking("anon-1").withoutLink().originalId()).isNull();
  }

  @Test
  void theEarlierLinkWinsThenTheSmallerLoginId() {
    IdLink early = new IdLink("demo", "a", "z", T);
    IdLink late = new IdLink("demo", "a", "b", T.plusMillis(1));
    IdLink tie = new IdLink("demo", "a", "y", T);
    assertThat(early.precedes(late)).isTrue();
    assertThat(late.precedes(early)).isFalse();
    assertThat(tie.precedes(early)).isTrue();
    assertThat(early.precedes(early)).isFalse();
  }

  @Test
  void anIdCannotLinkToItself() {
    assertThatThrownBy(() -> new IdLink("demo", "a", "a", T))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> signup("a").linking("a")).isInstanceOf(IllegalArgumentException.class);
  }
}
