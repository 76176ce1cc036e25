package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.ColumnType;
import dev.sextant.store.EventQueries;
import dev.sextant.store.EventStore;
import dev.sextant.store.QueryRows;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dialects' list operations run on a real engine: what the funnel and retention compilers rely
 * on, one operation at a time, including a decimal property in a list (which crashes ClickHouse
 * 18.16 unless {@link SqlDialect#listable} turns it into text).
 */
abstract class ListSqlContract {

  static final String PROJECT = "lists";
  static final Map<String, ColumnType> TYPES = Map.of("amount", ColumnType.NUMBER);
  static final List<String> EVENT_ORDER = List.of("time_ms", "insert_id");

  /** One user's views: two share a millisecond (i1 before i2 by insert id), one lacks amount. */
  static void load(EventStore store) {
    store.createSchema();
    store.append(
        List.of(
            event("View", 1_000, "i2", new BigDecimal("1.5")),
            event("View", 1_000, "i1", null),
            event("View", 500, "i3", new BigDecimal("2")),
            event("Invest", 3_000, "i4", null)),
        (project, property) -> Optional.ofNullable(TYPES.get(property)));
  }

  private static TrackedEvent event(String name, long time, String insertId, BigDecimal amount) {
    Map<String, Object> properties = new HashMap<>();
    if (amount != null) {
      properties.put("amount", amount);
    }
    return new TrackedEvent(
        PROJECT,
        name,
        "u1",
        Instant.ofEpochMilli(time),
        insertId,
        null,
        properties,
        Instant.ofEpochMilli(time + 1));
  }

  protected abstract EventQueries queries();

  protected abstract SqlDialect dialect();

  private EventSource source() {
    return new EventSource(dialect(), PROJECT, PropertyCatalog.ofColumns(TYPES));
  }

  /** The single value of a one-row query over the user's events. */
  private Object perUser(String aggregate) {
    String sql =
        "SELECT "
            + aggregate
            + " AS v FROM "
            + source().relation(List.of("amount"), null, null, "(1 = 1)")
            + " AS e GROUP BY user_id";
    return single(sql);
  }

  private Object single(String sql) {
    QueryRows rows = queries().select(sql, Duration.ofSeconds(30));
    assertThat(rows.rows()).as(sql).hasSize(1);
    return rows.rows().getFirst().getFirst();
  }

  private List<Object> amounts(Object list) {
    List<Object> values = new ArrayList<>();
    for (Object raw : (List<?>) list) {
      Object value = dialect().readListed(raw, ColumnType.NUMBER);
      values.add(value == null ? null : QueryRowsValues.decimal(value));
    }
    return values;
  }

  @Test
  void listsFollowEventOrderAndCarryMissingValuesAndDecimals() {
    String views = "event = 'View'";
    assertThat(
            QueryRowsValues.longs(
                perUser(dialect().listOrderedByIf("time_ms", EVENT_ORDER, views))))
        .containsExactly(500L, 1_000L, 1_000L);
    Object amounts =
        perUser(
            dialect()
                .listOrderedByIf(
                    dialect().listable(source().column("amount"), ColumnType.NUMBER),
                    EVENT_ORDER,
                    views));
    assertThat(amounts(amounts)).containsExactly(new BigDecimal("2"), null, new BigDecimal("1.5"));
  }

  @Test
  void theFirstValueByEventOrderMayBeMissing() {
    String amount = dialect().listable(source().column("amount"), ColumnType.NUMBER);
    assertThat(
            perUser(dialect().firstByIf(amount, EVENT_ORDER, "event = 'View' AND time_ms >= 1000")))
        .isNull();
    Object first = perUser(dialect().firstByIf(amount, EVENT_ORDER, "event = 'View'"));
    assertThat(QueryRowsValues.decimal(dialect().readListed(first, ColumnType.NUMBER)))
        .isEqualTo(new BigDecimal("2"));
  }

  @Test
  void distinctListsHoldEachValueOnce() {
    assertThat(QueryRowsValues.longs(perUser(dialect().distinctListIf("time_ms", "(1 = 1)"))))
        .containsExactlyInAnyOrder(500L, 1_000L, 3_000L);
    assertThat(QueryRowsValues.longs(perUser(dialect().distinctListIf("time_ms", "(1 = 0)"))))
        .isEmpty();
  }

  @Test
  void chainsExtendWithTheFirstMatchOfACapturedList() {
    String next = dialect().append("c", dialect().firstOrZero("s", "y", "y >= c[1]"));
    String sql =
        "SELECT "
            + dialect().mapCapturing("chains", "c", next, "s")
            + " AS v FROM (SELECT "
            + dialect().map("t", "x", "[x]")
            + " AS chains, s FROM (SELECT [1, 5, 20] AS t, [3, 14] AS s) AS l) AS c";
    List<List<Long>> chains = new ArrayList<>();
    for (Object chain : (List<?>) single(sql)) {
      chains.add(QueryRowsValues.longs(chain));
    }
    assertThat(chains).containsExactly(List.of(1L, 3L), List.of(5L, 14L), List.of(20L, 0L));
  }

  @Test
  void elementHelpersAgreeOnBothEngines() {
    String list = "l";
    String from = " AS v FROM (SELECT [3, 0, 7, 7] AS l) AS l";
    assertThat(
            QueryRowsValues.longValue(
                single("SELECT " + dialect().countWhere(list, "y", "y > 0") + from)))
        .isEqualTo(3);
    assertThat(QueryRowsValues.longValue(single("SELECT " + dialect().listMax(list) + from)))
        .isEqualTo(7);
    assertThat(QueryRowsValues.longValue(single("SELECT " + dialect().indexOf(list, "7") + from)))
        .isEqualTo(3);
    assertThat(QueryRowsValues.longValue(single("SELECT " + dialect().indexOf(list, "9") + from)))
        .isEqualTo(0);
    assertThat(QueryRowsValues.longs(single("SELECT " + dialect().distinctElements(list) + from)))
        .containsExactlyInAnyOrder(3L, 0L, 7L);
    QueryRows unnested =
        queries()
            .select(
                "SELECT "
                    + dialect().unnest(list)
                    + " AS v, 1 AS other FROM (SELECT [3, 0, 7] AS l) AS l",
                Duration.ofSeconds(30));
    assertThat(unnested.rows()).hasSize(3);
  }
}
