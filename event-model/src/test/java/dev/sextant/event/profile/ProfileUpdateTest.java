package dev.sextant.event.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileUpdateTest {

  private static ProfileUpdate update(ProfileOperation operation, Map<String, Object> properties) {
    return new ProfileUpdate(
        "demo", "u1", operation, properties, Instant.EPOCH, "id-1", Instant.EPOCH);
  }

  @Test
  void anIncrementTakesOnlyNumbers() {
    assertThat(
            update(ProfileOperation.INCREMENT, Map.of("n", 1L, "m", BigDecimal.ONE)).properties())
        .hasSize(2);
    assertThatThrownBy(() -> update(ProfileOperation.INCREMENT, Map.of("n", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INCREMENT");
  }

  @Test
  void anAppendTakesOnlyListsOfStrings() {
    assertThat(update(ProfileOperation.APPEND, Map.of("tags", List.of("a"))).properties())
        .containsKey("tags");
    assertThatThrownBy(() -> update(ProfileOperation.APPEND, Map.of("tags", "a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> update(ProfileOperation.APPEND, Map.of("tags", List.of(1L))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSetTakesPropertyValues() {
    assertThat(
            update(
                    ProfileOperation.SET,
                    Map.of("s", "x", "b", true, "n", 1L, "d", BigDecimal.TEN, "l", List.of("a")))
                .properties())
        .hasSize(5);
    assertThatThrownBy(() -> update(ProfileOperation.SET_ONCE, Map.of("o", Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeleteHasNoProperties() {
    assertThat(update(ProfileOperation.DELETE, Map.of()).properties()).isEmpty();
    assertThatThrownBy(() -> update(ProfileOperation.DELETE, Map.of("a", true)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requiresIds() {
    assertThatThrownBy(() ->
            new ProfileUpdate(
                "demo", " ", ProfileOperation.SET, Map.of(), Instant.EPOCH, "i", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinctId");
  }
}
