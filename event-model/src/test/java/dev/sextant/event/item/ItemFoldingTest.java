package dev.sextant.event.item;

import static dev.sextant.event.item.ItemOperation.DELETE;
import static dev.sextant.event.item.ItemOperation.SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ItemFoldingTest {

  private static int sequence;

  /** An update of product p-42 at second {@code second}, insert ids in the order written here. */
  private static ItemUpdate at(int second, ItemOperation operation, Map<String, Object> p) {
    return new ItemUpdate(
        "demo",
        "product",
        "p-42",
        operation,
        p,
        Instant.ofEpochSecond(1_700_000_000L + second),
        "id-%04d".formatted(sequence++),
        Instant.ofEpochSecond(1_800_000_000L));
  }

  private static ItemUpdate deleteAt(int second) {
    return at(second, DELETE, Map.of());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "one set makes the item",
            List.of(at(1, SET, Map.of("name", "稳盈-90天", "rate", new BigDecimal("4.5")))),
            Optional.of(Map.of("name", "稳盈-90天", "rate", new BigDecimal("4.5")))),
        Arguments.of(
            "a later set replaces the whole item, properties it lacks are gone",
            List.of(at(1, SET, Map.of("name", "A", "rate", 3L)), at(2, SET, Map.of("name", "B"))),
            Optional.of(Map.of("name", "B"))),
        Arguments.of(
            "a set with no properties leaves an item with none",
            List.of(at(1, SET, Map.of("name", "A")), at(2, SET, Map.of())),
            Optional.of(Map.of())),
        Arguments.of(
            "sets apply by time, not by the order given",
            List.of(at(2, SET, Map.of("name", "late")), at(1, SET, Map.of("name", "early"))),
            Optional.of(Map.of("name", "late"))),
        Arguments.of(
            "a delete after a set removes the item",
            List.of(at(1, SET, Map.of("name", "A")), deleteAt(2)),
            Optional.empty()),
        Arguments.of("a delete alone is no item", List.of(deleteAt(1)), Optional.empty()),
        Arguments.of(
            "a set after a delete creates the item again",
            List.of(at(1, SET, Map.of("name", "A")), deleteAt(2), at(3, SET, Map.of("name", "C"))),
            Optional.of(Map.of("name", "C"))),
        Arguments.of(
            "a delete sent late but earlier in time does not remove a newer set",
            List.of(at(3, SET, Map.of("name", "C")), deleteAt(2)),
            Optional.of(Map.of("name", "C"))),
        Arguments.of(
            "a set earlier in time than a delete does not bring the item back",
            List.of(deleteAt(5), at(4, SET, Map.of("name", "old"))),
            Optional.empty()),
        Arguments.of("two deletes and no set", List.of(deleteAt(1), deleteAt(2)), Optional.empty()),
        Arguments.of(
            "lists and booleans are kept as set",
            List.of(at(1, SET, Map.of("tags", List.of("a", "a"), "on_sale", false))),
            Optional.of(Map.of("tags", List.of("a", "a"), "on_sale", false))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void foldsUpdatesWithSensorsSemantics(
      String name, List<ItemUpdate> updates, Optional<Map<String, Object>> expected) {
    assertThat(ItemFolding.fold(updates).map(Item::properties)).isEqualTo(expected);
  }

  @Test
  void noUpdatesMeanNoItem() {
    assertThat(ItemFolding.fold(List.of())).isEmpty();
  }

  @Test
  void theItemCarriesItsTypeIdAndTheTimeOfTheWinningSet() {
    ItemUpdate first = at(1, SET, Map.of("a", 1L));
    ItemUpdate second = at(5, SET, Map.of("a", 2L));

    assertThat(ItemFolding.fold(List.of(second, first)))
        .contains(new Item("product", "p-42", Map.of("a", 2L), second.time()));
  }

  @Test
  void updatesAtTheSameMillisecondApplyByInsertId() {
    Instant time = Instant.parse("2026-11-25T00:00:00.123Z");
    Instant received = Instant.parse("2026-11-25T00:00:01Z");
    ItemUpdate setA =
        new ItemUpdate("demo", "product", "p", SET, Map.of("x", "a"), time, "a", received);
    ItemUpdate setB =
        new ItemUpdate("demo", "product", "p", SET, Map.of("x", "b"), time, "b", received);
    ItemUpdate deleteC =
        new ItemUpdate("demo", "product", "p", DELETE, Map.of(), time, "c", received);
    ItemUpdate delete0 =
        new ItemUpdate("demo", "product", "p", DELETE, Map.of(), time, "0", received);

    assertThat(ItemFolding.fold(List.of(setB, setA)).map(Item::properties))
        .contains(Map.of("x", "b"));
    assertThat(ItemFolding.fold(List.of(setA, setB)).map(Item::properties))
        .contains(Map.of("x", "b"));
    assertThat(ItemFolding.fold(List.of(setA, deleteC))).isEmpty();
    assertThat(ItemFolding.fold(List.of(delete0, setA)).map(Item::properties))
        .contains(Map.of("x", "a"));
  }

  @Test
  void anyPermutationOfTheSameUpdatesFoldsToTheSameItem() {
    List<ItemUpdate> updates =
        List.of(
            at(1, SET, Map.of("name", "A", "rate", 3L)),
            at(2, SET, Map.of("name", "B")),
            deleteAt(3),
            at(4, SET, Map.of("name", "D", "tags", List.of("x"))),
            at(4, SET, Map.of("name", "E")),
            deleteAt(5),
            at(6, SET, Map.of("name", "F", "rate", new BigDecimal("4.25"))));
    Item expected = ItemFolding.fold(updates).orElseThrow();
    assertThat(expected.properties())
        .isEqualTo(Map.of("name", "F", "rate", new BigDecimal("4.25")));
    Random random = new Random(20261126);
    for (int round = 0; round < 50; round++) {
      List<ItemUpdate> shuffled = new ArrayList<>(updates);
      Collections.shuffle(shuffled, random);
      assertThat(ItemFolding.fold(shuffled)).contains(expected);
      // Without the last set, the last thing that happened is a delete, whatever the order.
      shuffled.remove(updates.getLast());
      assertThat(ItemFolding.fold(shuffled)).isEmpty();
    }
  }

  @Test
  void refusesToFoldTheUpdatesOfTwoItems() {
    ItemUpdate one = at(1, SET, Map.of());
    ItemUpdate other =
        new ItemUpdate("demo", "product", "p-43", SET, Map.of(), one.time(), "x", one.receivedAt());
    ItemUpdate otherType =
        new ItemUpdate("demo", "article", "p-42", SET, Map.of(), one.time(), "y", one.receivedAt());

    assertThatThrownBy(() -> ItemFolding.fold(List.of(one, other)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ItemFolding.fold(List.of(one, otherType)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
