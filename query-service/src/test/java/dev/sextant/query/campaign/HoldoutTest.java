package dev.sextant.query.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutTest {

  private static final List<String> USERS =
      IntStream.range(0, 20_000).mapToObj(i -> "user-" + i).toList();

  @Test
  void holdsOutAboutThePercentage() {
    Holdout.Split split = new Holdout("spring-push", 20).split(USERS);
    // 20 % of 20,000 has a standard deviation of about 57 users.
    assertThat(split.heldOut().size()).isBetween(4_000 - 300, 4_000 + 300);
    assertThat(split.targeted().size() + split.heldOut().size()).isEqualTo(USERS.size());
  }

  @Test
  void isDeterministicPerCampaignAndUser() {
    Holdout holdout = new Holdout("spring-push", 50);
    assertThat(new Holdout("spring-push", 50).split(USERS)).isEqualTo(holdout.split(USERS));
    List<String> again = USERS.stream().filter(holdout::isHeldOut).toList();
    assertThat(again).isEqualTo(holdout.split(USERS).heldOut());
  }

  @Test
  void aLargerPercentageHoldsOutASuperset() {
    List<String> ten = new Holdout("c", 10).split(USERS).heldOut();
    List<String> thirty = new Holdout("c", 30).split(USERS).heldOut();
    assertThat(thirty).containsAll(ten);
  }

  @Test
  void campaignsHoldOutDifferentUsers() {
    List<String> a = new Holdout("a", 50).split(USERS).heldOut();
    List<String> b = new Holdout("b", 50).split(USERS).heldOut();
    long both = a.stream().filter(new HashSet<>(b)::contains).count();
    // Independent halves overlap by about a quarter of the users.
    assertThat(both).isBetween(5_000L - 400, 5_000L + 400);
  }

  @Test
  void zeroHoldsOutNobodyAndBoundsAreChecked() {
    assertThat(new Holdout("c", 0).split(USERS).heldOut()).isEmpty();
    assertThatThrownBy(() -> new Holdout("c", 91)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Holdout(" ", 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
