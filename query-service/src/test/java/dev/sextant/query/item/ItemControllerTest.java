package dev.sextant.query.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The item as the API answers it, over a real (in-memory) DuckDB store. */
class ItemControllerTest {

  private final DuckDbEventStore store = DuckDbEventStore.inMemory();
  private final ItemController controller = new ItemController(store);

  ItemControllerTest() {
    store.createSchema();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void update(
      String itemId, ItemOperation operation, long millis, Map<String, Object> properties) {
    store.appendItemUpdates(
        List.of(
            new ItemUpdate(
                "demo",
                "product",
                itemId,
                operation,
                properties,
                Instant.ofEpochMilli(millis),
                itemId + "-" + millis,
                Instant.ofEpochMilli(millis))));
  }

  @Test
  void answersTheLatestSetWithItsPropertiesSortedByName() {
    update("p-42", ItemOperation.SET, 1000, Map.of("rate", 4L, "name", "旧"));
    update("p-42", ItemOperation.SET, 2000, Map.of("rate", new BigDecimal("4.5"), "name", "稳盈"));

    ItemController.ItemState item = controller.item("demo", "product", "p-42");

    assertThat(item.itemType()).isEqualTo("product");
    assertThat(item.itemId()).isEqualTo("p-42");
    assertThat(item.properties())
        .containsExactly(Map.entry("name", "稳盈"), Map.entry("rate", new BigDecimal("4.5")));
    assertThat(item.updatedAt()).isEqualTo(Instant.ofEpochMilli(2000));
  }

  @Test
  void anItemNeverSetOrDeletedIsNotFound() {
    assertThatThrownBy(() -> controller.item("demo", "product", "nothing"))
        .isInstanceOf(ItemNotFoundException.class)
        .hasMessage("item product/nothing of project demo does not exist");

    update("p-42", ItemOperation.SET, 1000, Map.of("name", "稳盈"));
    update("p-42", ItemOperation.DELETE, 2000, Map.of());

    assertThatThrownBy(() -> controller.item("demo", "product", "p-42"))
        .isInstanceOf(ItemNotFoundException.class);
    assertThatThrownBy(() -> controller.item("demo", "article", "p-42"))
        .isInstanceOf(ItemNotFoundException.class);
  }
}
