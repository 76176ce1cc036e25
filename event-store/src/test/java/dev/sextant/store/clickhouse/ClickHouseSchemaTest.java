package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact DDL for one server: tables as data, rendered once. */
class ClickHouseSchemaTest {

  @Test
  void createsTheEventsTableSortedForPruningAndDeduplicatedByInsertId() {
    assertThat(ClickHouseSchema.singleNode().getFirst())
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS events
            (
                project String,
                event String,
                distinct_id String,
                time_ms Int64,
                event_time DateTime('UTC'),
                event_date Date,
                insert_id String,
                track_id Nullable(Int64),
                properties String,
                received_at_ms Int64
            )
            ENGINE = ReplacingMergeTree
            PARTITION BY toYYYYMM(event_date)
            ORDER BY (project, event, event_date, distinct_id, insert_id)\
            """);
  }

  @Test
  void keepsAUserSortedCopyFedByAView() {
    List<String> statements = ClickHouseSchema.singleNode();

    assertThat(statements.get(1))
        .startsWith("CREATE TABLE IF NOT EXISTS events_by_user\n")
        .contains(ClickHouseSchema.EVENTS.renderColumns())
        .endsWith("ORDER BY (project, distinct_id, time_ms, insert_id)");
    assertThat(statements.get(2))
        .isEqualTo(
            """
            CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_user_mv TO events_by_user AS
            SELECT *
            FROM events\
            """);
  }

  @Test
  void usesOnlySqlThat1816Accepts() {
    assertThat(String.join("\n", ClickHouseSchema.singleNode()))
        .contains("IF NOT EXISTS", "ENGINE = ReplacingMergeTree", "PARTITION BY toYYYYMM(")
        .doesNotContain("DateTime64", "Map(", "JSON", "INDEX", "TTL", "LowCardinality");
    assertThat(ClickHouseSchema.singleNode())
        .as("no MATERIALIZED columns: Distributed tables refuse inserts into them")
        .filteredOn(statement -> statement.startsWith("CREATE TABLE"))
        .noneMatch(statement -> statement.contains("MATERIALIZED"));
  }
}
