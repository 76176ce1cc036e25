package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cluster DDL: the same tables as one server, local + distributed, sharded by user. */
class ClusterSchemaTest {

  private final ClusterSchema.Layout layout =
      ClusterSchema.Layout.replicated("analytics", "sextant");
  private final List<String> shared = ClusterSchema.statements(layout);
  private final List<String> statements = ClusterSchema.statements(layout, "demo");

  @Test
  void createsTheDatabaseOnEveryNode() {
    assertThat(shared.getFirst())
        .isEqualTo("CREATE DATABASE IF NOT EXISTS sextant ON CLUSTER analytics");
  }

  @Test
  void createsAReplicatedLocalTableWithTheSameColumnsAsOneServer() {
    String local = statements.get(2);

    assertThat(local)
        .startsWith(
            "CREATE TABLE IF NOT EXISTS sextant.events_demo_local ON CLUSTER analytics\n(\n")
        .contains(ClickHouseSchema.events("demo").renderColumns())
        .contains(
            "ENGINE = ReplicatedReplacingMergeTree("
                + "'/clickhouse/tables/{shard}/sextant/events_demo_local', '{replica}')")
        .endsWith(
            "PARTITION BY toYYYYMM(event_date)\n"
                + "ORDER BY (project, event, event_date, distinct_id, insert_id)");
  }

  @Test
  void distributesEventsAndTheirUserSortedCopyByTheSameUserHash() {
    assertThat(statements.get(3))
        .isEqualTo(
            """
            CREATE TABLE IF NOT EXISTS sextant.events_demo ON CLUSTER analytics \
            AS sextant.events_demo_local
            ENGINE = Distributed(analytics, sextant, events_demo_local, cityHash64(distinct_id))\
            """);
    assertThat(statements.get(5))
        .endsWith(
            "ENGINE = Distributed(analytics, sextant, events_by_user_demo_local,"
                + " cityHash64(distinct_id))");
  }

  @Test
  void feedsEachShardsUserSortedCopyFromItsOwnLocalTable() {
    assertThat(statements.get(6))
        .startsWith(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS sextant.events_by_user_mv_demo"
                + " ON CLUSTER analytics TO sextant.events_by_user_demo_local AS\n")
        .endsWith("FROM sextant.events_demo_local");
  }

  @Test
  void createsEveryTableOfTheSingleServerSchema() {
    assertThat(shared).hasSize(5);
    assertThat(statements).hasSize(11);
    assertThat(String.join("\n", shared))
        .contains("sextant.quarantine ", "sextant.quarantine_replays ");
    assertThat(String.join("\n", statements))
        .contains(
            "sextant.events_demo ",
            "sextant.events_by_user_demo ",
            "sextant.events_by_user_mv_demo",
            "sextant.id_links_demo ",
            "sextant.profile_updates_demo ",
            "sextant.item_updates_demo ");
  }

  @Test
  void distributesItemUpdatesByItemSoThatOneItemsLogIsOnOneShard() {
    assertThat(statements.get(9))
        .startsWith(
            "CREATE TABLE IF NOT EXISTS sextant.item_updates_demo_local ON CLUSTER analytics\n")
        .contains(
            "ENGINE = ReplicatedReplacingMergeTree("
                + "'/clickhouse/tables/{shard}/sextant/item_updates_demo_local', '{replica}')")
        .endsWith("PARTITION BY tuple()\nORDER BY (item_type, item_id, time_ms, insert_id)");
    assertThat(statements.get(10))
        .endsWith(
            "ENGINE = Distributed(analytics, sextant, item_updates_demo_local,"
                + " cityHash64(item_type, item_id))");
  }

  @Test
  void distributesProfileUpdatesByDistinctIdLikeTheEvents() {
    assertThat(statements.get(7))
        .startsWith(
            "CREATE TABLE IF NOT EXISTS sextant.profile_updates_demo_local ON CLUSTER analytics\n")
        .contains("ORDER BY (distinct_id, time_ms, insert_id)");
    assertThat(statements.get(8))
        .endsWith(
            "ENGINE = Distributed(analytics, sextant, profile_updates_demo_local,"
                + " cityHash64(distinct_id))");
  }

  @Test
  void distributesIdLinksByAnonymousIdLikeTheEventsSentUnderIt() {
    assertThat(statements.getFirst())
        .startsWith(
            "CREATE TABLE IF NOT EXISTS sextant.id_links_demo_local ON CLUSTER analytics\n");
    assertThat(statements.get(1))
        .endsWith(
            "ENGINE = Distributed(analytics, sextant, id_links_demo_local,"
                + " cityHash64(anonymous_id))");
  }

  @Test
  void canRenderUnreplicatedShardsAndStatementsForEachNode() {
    List<String> perNode =
        Stream.concat(
                ClusterSchema.statements(
                    new ClusterSchema.Layout(
                        "two_shards", "sx", false, "/unused", "{replica}", false))
                    .stream(),
                ClusterSchema.statements(
                    new ClusterSchema.Layout(
                        "two_shards", "sx", false, "/unused", "{replica}", false),
                    "demo")
                    .stream())
            .toList();

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
