package dev.sextant.event.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemUpdateTest {

  private static ItemUpdate update(
      String itemType, String itemId, ItemOperation operation, Map<String, Object> properties) {
    return new ItemUpdate(
        "demo", itemType, itemId, operation, properties, Instant.EPOCH, "id-1", Instant.EPOCH);
  }

  @Test
  void aSetTakesPropertyValues() {
    assertThat(
            update(
                    "product",
                    "p-42",
                    ItemOperation.SET,
                    Map.of("s", "x", "b", true, "n", 1L, "d", BigDecimal.TEN, "l", List.of("a")))
                .properties())
        .hasSize(5);
    assertThatThrownBy(() -> update("product", "p", ItemOperation.SET, Map.of("o", Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> update("product", "p", ItemOperation.SET, Map.of("l", List.of(1L))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> update("product", "p", ItemOperation.SET, Map.of("i", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeleteHasNoProperties() {
    assertThat(update("product", "p", ItemOperation.DELETE, Map.of()).properties()).isEmpty();
    assertThatThrownBy(() -> update("product", "p", ItemOperation.DELETE, Map.of("a", true)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requiresANonBlankBoundedTypeAndId() {
    assertThatThrownBy(() -> update(" ", "p", ItemOperation.SET, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itemType");
    assertThatThrownBy(() -> update("product", "", ItemOperation.SET, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itemId");
    assertThat(update("t".repeat(100), "i".repeat(1024), ItemOperation.SET, Map.of()).itemId())
        .hasSize(ItemUpdate.MAX_ITEM_ID_LENGTH);
    assertThatThrownBy(() -> update("t".repeat(101), "p", ItemOperation.SET, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> update("product", "i".repeat(1025), ItemOperation.SET, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
