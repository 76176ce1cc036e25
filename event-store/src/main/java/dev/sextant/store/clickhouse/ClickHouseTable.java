package dev.sextant.store.clickhouse;

import java.util.List;
import java.util.Objects;

/**
 * One table of Sextant's ClickHouse schema, as data, so that the single-server DDL and the cluster
 * DDL are rendered from the same definition and cannot drift apart.
 *
 * @param name the table name as the application reads and writes it
 * @param columns the columns, in order
 * @param partitionBy the partition expression
 * @param orderBy the sorting key; for a {@code ReplacingMergeTree} also the de-duplication key
 * @param shardingKey how a cluster spreads rows over shards
 */
public record ClickHouseTable(
    String name, List<Column> columns, String partitionBy, String orderBy, String shardingKey) {

  public ClickHouseTable {
    ClickHouseSql.identifier(name);
    columns = List.copyOf(columns);
    Objects.requireNonNull(partitionBy, "partitionBy");
    Objects.requireNonNull(orderBy, "orderBy");
    Objects.requireNonNull(shardingKey, "shardingKey");
  }

  /**
   * A column.
   *
   * @param name the column name
   * @param type its ClickHouse type
   */
  public record Column(String name, String type) {

    public Column {
      ClickHouseSql.identifier(name);
      Objects.requireNonNull(type, "type");
    }

    static Column of(String name, String type) {
      return new Column(name, type);
    }

    String render() {
      return name + " " + type;
    }
  }

  /** The same columns under another name and sorting key. */
  ClickHouseTable renamed(String newName, String newOrderBy) {
    return new ClickHouseTable(newName, columns, partitionBy, newOrderBy, shardingKey);
  }

  String renderColumns() {
    return String.join(",\n", columns.stream().map(column -> "    " + column.render()).toList());
  }
}
