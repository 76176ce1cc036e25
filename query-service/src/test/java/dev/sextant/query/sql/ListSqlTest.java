package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.ColumnType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list operations of the dialects that funnels and retention use, as text; {@code ListSqlIT}
 * runs them on both engines.
 */
class ListSqlTest {

  private final SqlDialect clickHouse = new ClickHouseDialect();
  private final SqlDialect duckDb = new DuckDbDialect();

  @Test
  void anOrderedListCarriesTheKeysInATupleOnClickHouseAndOrdersTheAggregateOnDuckDb() {
    List<String> keys = List.of("time_ms", "insert_id");
    assertThat(clickHouse.listOrderedByIf("g", keys, "c"))
        .isEqualTo(
            "arrayMap(p -> tupleElement(p, 3), arraySort(groupArrayIf(tuple(time_ms, insert_id,"
                + " g), c)))");
    assertThat(duckDb.listOrderedByIf("g", keys, "c"))
        .isEqualTo("coalesce(list(g ORDER BY time_ms, insert_id) FILTER (WHERE c), [])");
  }

  @Test
  void theFirstValueByKeysKeepsNulls() {
    List<String> keys = List.of("time_ms", "insert_id");
    assertThat(clickHouse.firstByIf("g", keys, "c"))
        .isEqualTo("tupleElement(argMinIf(tuple(g), tuple(time_ms, insert_id), c), 1)");
    assertThat(duckDb.firstByIf("g", keys, "c"))
        .isEqualTo("first(g ORDER BY time_ms, insert_id) FILTER (WHERE c)");
  }

  @Test
  void distinctListsAreEmptyRatherThanNullWithoutRows() {
    assertThat(clickHouse.distinctListIf("p", "c")).isEqualTo("groupUniqArrayIf(p, c)");
    assertThat(duckDb.distinctListIf("p", "c"))
        .isEqualTo("coalesce(list(DISTINCT p) FILTER (WHERE c), [])");
  }

  @Test
  void numbersTravelAsTextInClickHouseListsAndReadBackAsDecimals() {
    assertThat(clickHouse.listable("`amount`", ColumnType.NUMBER))
        .isEqualTo("CAST(`amount` AS Nullable(String))");
    assertThat(clickHouse.listable("`$os`", ColumnType.STRING)).isEqualTo("`$os`");
    assertThat(duckDb.listable("\"amount\"", ColumnType.NUMBER)).isEqualTo("\"amount\"");
    assertThat(clickHouse.readListed("1.50000000", ColumnType.NUMBER))
        .isEqualTo(new BigDecimal("1.50000000"));
    assertThat(clickHouse.readListed("iOS", ColumnType.STRING)).isEqualTo("iOS");
    assertThat(clickHouse.readListed(null, ColumnType.NUMBER)).isNull();
    assertThat(duckDb.readListed(new BigDecimal("2"), ColumnType.NUMBER))
        .isEqualTo(new BigDecimal("2"));
  }

  @Test
  void mapsAreLambdasOfEachEngine() {
    assertThat(clickHouse.map("s", "x", "[x]")).isEqualTo("arrayMap(x -> [x], s)");
    assertThat(duckDb.map("s", "x", "[x]")).isEqualTo("list_transform(s, lambda x: [x])");
  }

  @Test
  void aCapturedListIsALambdaArgumentOnClickHouseOnly() {
    assertThat(clickHouse.mapCapturing("chains", "c", "f(c, s2)", "s2"))
        .isEqualTo("arrayMap((c, s2) -> f(c, s2), chains, arrayMap(ignored -> s2, chains))");
    assertThat(duckDb.mapCapturing("chains", "c", "f(c, s2)", "s2"))
        .isEqualTo("list_transform(chains, lambda c: f(c, s2))");
  }

  @Test
  void elementWiseHelpers() {
    assertThat(clickHouse.append("c", "1")).isEqualTo("arrayPushBack(c, 1)");
    assertThat(duckDb.append("c", "1")).isEqualTo("list_append(c, 1)");
    assertThat(clickHouse.countWhere("c", "y", "y > 0")).isEqualTo("arrayCount(y -> y > 0, c)");
    assertThat(duckDb.countWhere("c", "y", "y > 0"))
        .isEqualTo("len(list_filter(c, lambda y: y > 0))");
    assertThat(clickHouse.listMax("l")).isEqualTo("arrayReduce('max', l)");
    assertThat(duckDb.listMax("l")).isEqualTo("list_max(l)");
    assertThat(clickHouse.indexOf("l", "v")).isEqualTo("indexOf(l, v)");
    assertThat(duckDb.indexOf("l", "v")).isEqualTo("coalesce(list_position(l, v), 0)");
    assertThat(clickHouse.distinctElements("l")).isEqualTo("arrayDistinct(l)");
    assertThat(duckDb.distinctElements("l")).isEqualTo("list_distinct(l)");
    assertThat(clickHouse.unnest("l")).isEqualTo("arrayJoin(l)");
    assertThat(duckDb.unnest("l")).isEqualTo("unnest(l)");
  }
}
