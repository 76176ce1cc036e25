package dev.sextant.store.clickhouse;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the cluster DDL for a layout ({@code scripts/cluster-schema.sh} runs it):
 *
 * <pre>
 * --cluster NAME      the cluster in remote_servers (required)
 * --database NAME     the database (default sextant)
 * --unreplicated      shards without replicas: ReplacingMergeTree, no ZooKeeper paths
 * --per-node          no ON CLUSTER: run the output on every node yourself
 * --project NAME      also a project's events tables (repeatable); without it, only the
 *                     database and the shared tables
 * </pre>
 */
public final class ClusterSchemaCommand {

  private ClusterSchemaCommand() {}

  public static void main(String[] args) {
    try {
      print(parse(List.of(args)), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("cluster-schema: " + e.getMessage());
      System.exit(2);
    }
  }

  /**
   * What to print.
   *
   * @param layout the cluster layout
   * @param projects the projects whose events tables to print, in order
   */
  record Request(ClusterSchema.Layout layout, List<String> projects) {

    Request {
      projects = List.copyOf(projects);
    }
  }

  static Request parse(List<String> args) {
    String cluster = null;
    String database = "sextant";
    boolean replicated = true;
    boolean onCluster = true;
    List<String> projects = new ArrayList<>();
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String arg = rest.removeFirst();
      switch (arg) {
        case "--cluster" -> cluster = value(rest, arg);
        case "--database" -> database = value(rest, arg);
        case "--unreplicated" -> replicated = false;
        case "--per-node" -> onCluster = false;
        case "--project" -> projects.add(value(rest, arg));
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (cluster == null) {
      throw new IllegalArgumentException("--cluster NAME is required");
    }
    return new Request(
        new ClusterSchema.Layout(
            cluster, database, replicated, "/clickhouse/tables/{shard}", "{replica}", onCluster),
        projects);
  }

  static void print(Request request, PrintStream out) {
    List<String> statements = new ArrayList<>(ClusterSchema.statements(request.layout()));
    for (String project : request.projects()) {
      statements.addAll(ClusterSchema.statements(request.layout(), project));
    }
    for (String statement : statements) {
      out.println(statement + ";");
      out.println();
    }
  }

  private static String value(List<String> rest, String option) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return rest.removeFirst();
  }
}
