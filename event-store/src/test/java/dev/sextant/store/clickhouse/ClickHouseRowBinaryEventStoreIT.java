package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.EventStore;
import dev.sextant.store.EventStoreConformance;
import dev.sextant.testsupport.clickhouse.ClickHouseExtension;
import dev.sextant.testsupport.clickhouse.ClickHouseTestServer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite on ClickHouse with events inserted as {@code RowBinary}: every column type
 * reads back as written. Also, row for row, a {@code RowBinary} insert stores exactly what a {@code
 * JSONEachRow} insert of the same events stores, derived time columns included.
 */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseRowBinaryEventStoreIT extends EventStoreConformance {

  private static ClickHouseHttpClient client;
  private static ClickHouseEventStore store;
  private static ClickHouseEventStore jsonStore;

  @BeforeAll
  static void createStore(ClickHouseTestServer server) {
    client =
        new ClickHouseHttpClient(ClickHouseEventStoreIT.connectionTo(server, server.database()));
    store = new ClickHouseEventStore(client, ClickHouseInsertFormat.ROW_BINARY);
    jsonStore = new ClickHouseEventStore(client, ClickHouseInsertFormat.JSON_EACH_ROW);
    store.createSchema();
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  @Override
  protected EventStore store() {
    return store;
  }

  @Override
  protected String engineName() {
    return "ClickHouse";
  }

  @Test
  void storesEveryColumnExactlyAsAJsonEachRowInsertDoes() {
    String json = project + "_json";
    List<TrackedEvent> events =
        List.of(
            event("alice")
                .at("2026-12-08T04:05:06.789Z")
                .with("product_name", "稳盈-90天 🚀 \"quoted\" \\ back\tslash")
                .with("emoji", "👩‍👩‍👧")
                .with("control", "line\nbreak\u0000nul\u0001")
                .with("empty", "")
                .with("amount", new BigDecimal("-12345678901234567890.12345678"))
                .with("huge", new BigDecimal("999999999999999999999999999999.99999999"))
                .with("tiny", new BigDecimal("-0.00000001"))
                .with("count", 42L)
                .with("big", Long.MIN_VALUE)
                .with("negative", -1L)
                .with("is_vip", true)
                .with("is_first_time", false)
                .with("tags", List.of("p2p", "", "九十天"))
                .with("no_tags", List.of())
                .with("opened_at", "1969-07-20 20:17:40.000")
                .with("settled_at", "2100-01-01 00:00:00.001")
                .with("birthday", "1931-05-02")
                .build(),
            // Every property absent: NULLs and an empty array.
            event("bob").at("2038-01-19T03:14:08.000Z").withTrackId(null).build(),
            event("carol").at("1970-01-01T00:00:00.001Z").with("count", 0L).build(),
            // The last day 18.16's Date takes as text; its DateTime has long wrapped by then.
            event("dave")
                .at("2105-12-31T23:59:59.999Z")
                .with("amount", new BigDecimal("0.5"))
                .build());

    store.append(events, types);
    jsonStore.append(events.stream().map(e -> inProject(e, json)).toList(), types);

    assertThat(rowsOf(project)).isEqualTo(rowsOf(json)).hasSize(4);
  }

  private static TrackedEvent inProject(TrackedEvent event, String project) {
    return new TrackedEvent(
        project,
        event.event(),
        event.distinctId(),
        event.time(),
        event.insertId(),
        event.trackId(),
        event.properties(),
        event.receivedAt(),
        event.originalId());
  }

  /** Every column but the project, as text, in insert id order. */
  private static List<String> rowsOf(String project) {
    String columns =
        "event, distinct_id, time_ms, toString(event_time), toString(event_date), insert_id,"
            + " track_id, received_at_ms, product_name, emoji, control, empty, amount, huge, tiny,"
            + " count, big, negative, is_vip, is_first_time, tags, no_tags, opened_at, settled_at,"
            + " birthday";
    return client
        .query(
            "SELECT "
                + columns
                + " FROM "
                + ClickHouseSql.identifier("events_" + project)
                + " ORDER BY insert_id",
            ClickHouseFormat.TAB_SEPARATED)
        .lines()
        .toList();
  }
}
