package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.ColumnType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact DDL for one server: tables as data, rendered once. */
class ClickHouseSchemaTest {

  /** Every column type, as ClickHouse names it in DDL and in {@code system.columns}. */
  private static final Map<ColumnType, String> CLICKHOUSE_TYPES =
      Map.of(
          ColumnType.NUMBER, "Nullable(Decimal(38, 8))",
          ColumnType.STRING, "Nullable(String)",
          ColumnType.BOOL, "Nullable(UInt8)",
          ColumnType.DATETIME, "Nullable(Int64)",
          ColumnType.DATE, "Nullable(Int32)",
          ColumnType.LIST, "Array(String)");

  @Test
  void createsAProjectsEventsTableSortedForPruningAndDeduplicatedByInsertId() {
    assertThat(ClickHouseSchema.singleNode("demo").get(1))
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS events_demo
            (
                project String,
                event String,
                distinct_id String,
                time_ms Int64,
                event_time DateTime('UTC'),
                event_date Date,
                insert_id String,
                track_id Nullable(Int64),
                received_at_ms Int64
            )
            ENGINE = ReplacingMergeTree
            PARTITION BY toYYYYMM(event_date)
            ORDER BY (project, event, event_date, distinct_id, insert_id)\
            """);
  }

  @Test
  void keepsAUserSortedCopyFedByAView() {
    List<String> statements = ClickHouseSchema.singleNode("demo");

    assertThat(statements.get(2))
        .startsWith("CREATE TABLE IF NOT EXISTS events_by_user_demo\n")
        .contains(ClickHouseSchema.events("demo").renderColumns())
        .endsWith("ORDER BY (project, distinct_id, time_ms, insert_id)");
    assertThat(statements.get(3))
        .isEqualTo(
            """
            CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_user_mv_demo TO events_by_user_demo AS
            SELECT *
            FROM events_demo\
            """);
  }

  @Test
  void createsAProjectsIdLinksFirstSoTheyExistWheneverItsEventsDo() {
    assertThat(ClickHouseSchema.singleNode("demo").getFirst())
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS id_links_demo
            (
                project String,
                anonymous_id String,
                login_id String,
                linked_at_ms Int64
            )
            ENGINE = ReplacingMergeTree
            PARTITION BY tuple()
            ORDER BY (anonymous_id, linked_at_ms, login_id)\
            """);
  }

  @Test
  void sharesOneQuarantineAndItsReplaysBetweenProjects() {
    assertThat(ClickHouseSchema.singleNode())
        .satisfiesExactly(
            quarantine ->
                assertThat(quarantine).startsWith("CREATE TABLE IF NOT EXISTS quarantine\n"),
            replays ->
                assertThat(replays)
                    .startsWith("CREATE TABLE IF NOT EXISTS quarantine_replays\n")
                    .contains("ORDER BY (project, quarantine_id)"));
  }

  @Test
  void addsTypedNullableColumnsNamedAsTheProperty() {
    assertThat(ClickHouseSchema.addColumn("events_demo", "$os", ColumnType.STRING))
        .isEqualTo("ALTER TABLE `events_demo` ADD COLUMN `$os` Nullable(String)");
    assertThat(CLICKHOUSE_TYPES)
        .allSatisfy((type, clickHouse) ->
            assertThat(ClickHouseSchema.propertyColumnType(type)).isEqualTo(clickHouse));
    assertThat(CLICKHOUSE_TYPES)
        .allSatisfy((type, clickHouse) ->
            assertThat(ClickHouseSchema.propertyColumnType(clickHouse)).contains(type));
    assertThat(ClickHouseSchema.propertyColumnType("Int64")).isEmpty();
  }

  @Test
  void usesOnlySqlThat1816Accepts() {
    assertThat(String.join("\n", ClickHouseSchema.singleNode("demo")))
        .contains("IF NOT EXISTS", "ENGINE = ReplacingMergeTree", "PARTITION BY toYYYYMM(")
        .doesNotContain("DateTime64", "Map(", "JSON", "INDEX", "TTL", "LowCardinality");
    assertThat(ClickHouseSchema.singleNode("demo"))
        .as("no MATERIALIZED columns: Distributed tables refuse inserts into them")
        .filteredOn(statement -> statement.startsWith("CREATE TABLE"))
        .noneMatch(statement -> statement.contains("MATERIALIZED"));
  }
}
