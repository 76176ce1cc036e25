package dev.sextant.testsupport.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a server that cannot start is reported: failing, naming the remedy and the server's words.
 */
class PrivateClickHouseServerIT {

  private static final Path PACKAGED_CONFIG = Path.of("/etc/clickhouse-server");

  @Test
  void reportsAMissingBinaryWithTheRemedy() {
    Throwable thrown =
        catchThrowable(() ->
            PrivateClickHouseServer.start(
                Path.of("/nonexistent/clickhouse-server"), PACKAGED_CONFIG));

    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("ClickHouse server is not available for this test")
        .hasMessageContaining("/nonexistent/clickhouse-server")
        .hasMessageContaining("apt-get install clickhouse-server")
        .hasMessageContaining("SEXTANT_TEST_CLICKHOUSE_URL");
  }

  @Test
  void reportsAServerThatExitsWithTheEndOfItsLog(@TempDir Path config) throws IOException {
    Files.copy(PACKAGED_CONFIG.resolve("config.xml"), config.resolve("config.xml"));
    Files.writeString(config.resolve("users.xml"), "<yandex><users>");

    Throwable thrown = catchThrowable(() -> PrivateClickHouseServer.start(binary(), config));

    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clickhouse-server exited with status")
        .hasMessageContaining("users.xml")
        .hasMessageContaining("Remedy: apt-get install clickhouse-server");
  }

  @Test
  void stopsTheServerAndDeletesItsDirectoryWhenClosed() {
    PrivateClickHouseServer server = PrivateClickHouseServer.start(binary(), PACKAGED_CONFIG);
    ClickHouseEndpoint endpoint = server.endpoint();
    assertThat(endpoint.isUp()).isTrue();
    assertThat(server.directory().resolve("data")).isDirectory();

    server.close();

    assertThat(endpoint.isUp()).isFalse();
    assertThat(server.directory()).doesNotExist();
  }

  private static Path binary() {
    return Files.isExecutable(Path.of("/usr/sbin/clickhouse-server"))
        ? Path.of("/usr/sbin/clickhouse-server")
        : Path.of("/usr/bin/clickhouse-server");
  }
}
