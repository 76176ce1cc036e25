package dev.sextant.store.clickhouse;

import dev.sextant.store.EventTables;
import java.util.List;
import java.util.Objects;

/**
 * The DDL of Sextant's schema on a ClickHouse cluster, rendered from the same {@link
 * ClickHouseSchema} tables as a single server: on each shard a {@code <table>_local} table ({@code
 * ReplicatedReplacingMergeTree} when replicated), and a {@code Distributed} table under the name
 * the application uses, sharded by user so that one user's events, and their user-sorted copy, live
 * on one shard. The sink writes to the distributed tables and the query service reads them with the
 * same SQL as on one server.
 *
 * <p>Writes through a {@code Distributed} table should be synchronous ({@code
 * insert_distributed_sync=1}) so that an acknowledged insert is on its shard.
 */
public final class ClusterSchema {

  /**
   * Where and how the schema is created.
   *
   * @param cluster the cluster name from the servers' {@code remote_servers}
   * @param database the database, created on every node
   * @param replicated whether shards have replicas ({@code Replicated*} engines, needs ZooKeeper)
   * @param zooKeeperPrefix the replication path prefix, e.g. {@code /clickhouse/tables/{shard}}
   * @param replicaName the replica name, e.g. {@code {replica}} (a macro of each server)
   * @param onCluster whether to send each statement once with {@code ON CLUSTER} (needs ZooKeeper's
   *     distributed DDL queue) or run them on every node yourself
   */
  public record Layout(
      String cluster,
      String database,
      boolean replicated,
      String zooKeeperPrefix,
      String replicaName,
      boolean onCluster) {

    public Layout {
      ClickHouseSql.identifier(cluster);
      ClickHouseSql.identifier(database);
      Objects.requireNonNull(zooKeeperPrefix, "zooKeeperPrefix");
      Objects.requireNonNull(replicaName, "replicaName");
    }

    /** A replicated cluster managed with {@code ON CLUSTER}: the usual production layout. */
    public static Layout replicated(String cluster, String database) {
      return new Layout(cluster, database, true, "/clickhouse/tables/{shard}", "{replica}", true);
    }
  }

  private ClusterSchema() {}

  /** The statements for the database and the shared tables, in order; each is idempotent. */
  public static List<String> statements(Layout layout) {
    String onCluster = onCluster(layout);
    return List.of(
        "CREATE DATABASE IF NOT EXISTS " + layout.database() + onCluster,
        local(layout, onCluster, ClickHouseSchema.QUARANTINE),
        distributed(layout, onCluster, ClickHouseSchema.QUARANTINE),
        local(layout, onCluster, ClickHouseSchema.QUARANTINE_REPLAYS),
        distributed(layout, onCluster, ClickHouseSchema.QUARANTINE_REPLAYS));
  }

  /**
   * The statements for one project's ID links, events tables, the view between them and its profile
   * and item update logs, in order; each is idempotent. On a cluster they must run before the
   * project's first event reaches the sink: the store creates missing tables as on one server,
   * which a cluster must not get.
   */
  public static List<String> statements(Layout layout, String project) {
    String onCluster = onCluster(layout);
    ClickHouseTable events = ClickHouseSchema.events(project);
    ClickHouseTable eventsByUser = ClickHouseSchema.eventsByUser(project);
    ClickHouseTable idLinks = ClickHouseSchema.idLinks(project);
    ClickHouseTable profileUpdates = ClickHouseSchema.profileUpdates(project);
    ClickHouseTable itemUpdates = ClickHouseSchema.itemUpdates(project);
    return List.of(
        local(layout, onCluster, idLinks),
        distributed(layout, onCluster, idLinks),
        local(layout, onCluster, events),
        distributed(layout, onCluster, events),
        local(layout, onCluster, eventsByUser),
        distributed(layout, onCluster, eventsByUser),
        ClickHouseSchema.createView(
            qualified(layout, EventTables.eventsByUserView(project)),
            onCluster,
            qualified(layout, localName(eventsByUser)),
            qualified(layout, localName(events))),
        local(layout, onCluster, profileUpdates),
        distributed(layout, onCluster, profileUpdates),
        local(layout, onCluster, itemUpdates),
        distributed(layout, onCluster, itemUpdates));
  }

  private static String onCluster(Layout layout) {
    return layout.onCluster() ? " ON CLUSTER " + layout.cluster() : "";
  }

  private static String local(Layout layout, String onCluster, ClickHouseTable table) {
    String engine =
        layout.replicated()
            ? "ReplicatedReplacingMergeTree(%s, %s)"
                .formatted(
                    ClickHouseSql.quote(
                        layout.zooKeeperPrefix()
                            + "/"
                            + layout.database()
                            + "/"
                            + localName(table)),
                    ClickHouseSql.quote(layout.replicaName()))
            : "ReplacingMergeTree";
    return ClickHouseSchema.createTable(
        qualified(layout, localName(table)), onCluster, table, engine);
  }

  private static String distributed(Layout layout, String onCluster, ClickHouseTable table) {
    return "CREATE TABLE IF NOT EXISTS %s%s AS %s\nENGINE = Distributed(%s, %s, %s, %s)"
        .formatted(
            qualified(layout, table.name()),
            onCluster,
            qualified(layout, localName(table)),
            layout.cluster(),
            layout.database(),
            localName(table),
            table.shardingKey());
  }

  private static String localName(ClickHouseTable table) {
    return table.name() + "_local";
  }

  private static String qualified(Layout layout, String table) {
    return layout.database() + "." + table;
  }
}
