package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSchemaCommandTest {

  @Test
  void defaultsToAReplicatedClusterManagedOnCluster() {
    assertThat(ClusterSchemaCommand.parse(List.of("--cluster", "analytics")))
        .isEqualTo(
            new ClusterSchemaCommand.Request(
                ClusterSchema.Layout.replicated("analytics", "sextant"), List.of()));
  }

  @Test
  void readsEveryOption() {
    ClusterSchemaCommand.Request request =
        ClusterSchemaCommand.parse(
            List.of(
                "--per-node",
                "--cluster",
                "c1",
                "--project",
                "demo",
                "--database",
                "fx",
                "--unreplicated",
                "--project",
                "forex"));
    ClusterSchema.Layout layout = request.layout();

    assertThat(layout.cluster()).isEqualTo("c1");
    assertThat(layout.database()).isEqualTo("fx");
    assertThat(layout.replicated()).isFalse();
    assertThat(layout.onCluster()).isFalse();
    assertThat(request.projects()).containsExactly("demo", "forex");
  }

  @Test
  void refusesMissingOrUnknownArguments() {
    assertThatThrownBy(() -> ClusterSchemaCommand.parse(List.of()))
        .hasMessage("--cluster NAME is required");
    assertThatThrownBy(() -> ClusterSchemaCommand.parse(List.of("--cluster")))
        .hasMessage("--cluster needs a value");
    assertThatThrownBy(() -> ClusterSchemaCommand.parse(List.of("--cluster", "c", "--shards", "2")))
        .hasMessage("unknown argument --shards");
  }

  /** deploy/ ships the default layout's DDL; it must be what the code renders today. */
  @Test
  void theDdlInDeployIsCurrent() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClusterSchemaCommand.print(
        new ClusterSchemaCommand.Request(
            ClusterSchema.Layout.replicated("sextant_cluster", "sextant"), List.of("demo")),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    Path shipped = Path.of("..", "deploy", "clickhouse", "cluster-schema.sql");

    assertThat(Files.readString(shipped))
        .as(
            "regenerate with: scripts/cluster-schema.sh --cluster sextant_cluster --project demo"
                + " (keep the header of %s)",
            shipped)
        .endsWith(out.toString(StandardCharsets.UTF_8));
  }
}
