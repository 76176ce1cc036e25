package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster DDL: the same tables as one server, local + distributed, sharded by user. */
class ClusterSchemaTest {

  private final List<String> statements =
      ClusterSchema.statements(ClusterSchema.Layout.replicated("analytics", "sextant"));

  @Test
  void createsTheDatabaseOnEveryNode() {
    assertThat(statements.getFirst())
        .isEqualTo("CREATE DATABASE IF NOT EXISTS sextant ON CLUSTER analytics");
  }

  @Test
  void createsAReplicatedLocalTableWithTheSameColumnsAsOneServer() {
    String local = statements.get(1);

    assertThat(local)
        .startsWith("CREATE TABLE IF NOT EXISTS sextant.events_local ON CLUSTER analytics\n(\n")
        .contains(ClickHouseSchema.EVENTS.renderColumns())
        .contains(
            "ENGINE = ReplicatedReplacingMergeTree("
                + "'/clickhouse/tables/{shard}/sextant/events_local', '{replica}')")
        .endsWith(
            "PARTITION BY toYYYYMM(event_date)\n"
                + "ORDER BY (project, event, event_date, distinct_id, insert_id)");
  }

  @Test
  void distributesEventsAndTheirUserSortedCopyByTheSameUserHash() {
    assertThat(statements.get(2))
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS sextant.events ON CLUSTER analytics AS sextant.events_local
            ENGINE = Distributed(analytics, sextant, events_local, cityHash64(distinct_id))\
            """);
    assertThat(statements.get(4))
        .endsWith(
            "ENGINE = Distributed(analytics, sextant, events_by_user_local, cityHash64(distinct_id))");
  }

  @Test
  void feedsEachShardsUserSortedCopyFromItsOwnLocalTable() {
    assertThat(statements.get(5))
        .startsWith(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS sextant.events_by_user_mv ON CLUSTER analytics"
                + " TO sextant.events_by_user_local AS\n")
        .endsWith("FROM sextant.events_local");
  }

  @Test
  void createsEveryTableOfTheSingleServerSchema() {
    assertThat(statements).hasSize(8);
    assertThat(String.join("\n", statements))
        .contains(
            "sextant.events ",
            "sextant.events_by_user ",
            "sextant.quarantine ",
            "sextant.events_by_user_mv");
  }

  @Test
  void canRenderUnreplicatedShardsAndStatementsForEachNode() {
    List<String> perNode =
        ClusterSchema.statements(
            new ClusterSchema.Layout("two_shards", "sx", false, "/unused", "{replica}", false));

    assertThat(perNode.getFirst()).isEqualTo("CREATE DATABASE IF NOT EXISTS sx");
    assertThat(String.join("\n", perNode))
        .doesNotContain("ON CLUSTER", "Replicated")
        .contains("ENGINE = ReplacingMergeTree\n");
  }

  @Test
  void refusesNamesThatAreNotIdentifiers() {
    assertThatThrownBy(() -> ClusterSchema.Layout.replicated("a; DROP TABLE x", "sextant"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClusterSchema.Layout.replicated("analytics", "sextant`"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
