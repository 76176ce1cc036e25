package dev.sextant.benchmarks.suite;

import dev.sextant.benchmarks.report.Machine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reads the machine's and the components' facts for the report's first table. */
final class MachineProbe {

  private MachineProbe() {}

  static Machine probe(URI clickHouse, String loadAtStart) {
    Map<String, String> components = new LinkedHashMap<>();
    components.put("ClickHouse", clickHouseVersion(clickHouse));
    components.put("DuckDB", duckDbVersion());
    components.put("Kafka", org.apache.kafka.common.utils.AppInfoParser.getVersion());
    components.put("Spring Boot", springBootVersion());
    return new Machine(
        Machine.cpuModel(read("/proc/cpuinfo")),
        Runtime.getRuntime().availableProcessors(),
        Machine.memoryTotal(read("/proc/meminfo")),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
        components,
        commit(),
        loadAtStart,
        loadAverage());
  }

  static String loadAverage() {
    return Machine.loadAverage(read("/proc/loadavg"));
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "";
    }
  }

  private static String clickHouseVersion(URI server) {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      URI uri =
          URI.create(
              server.toString().replaceAll("/+$", "")
                  + "/?query="
                  + URLEncoder.encode("SELECT version()", StandardCharsets.UTF_8));
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 ? answer.body().strip() : "unknown";
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static String duckDbVersion() {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version()")) {
      return rows.next() ? rows.getString(1) : "unknown";
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String springBootVersion() {
    String version = org.springframework.boot.SpringBootVersion.getVersion();
    return version == null ? "unknown" : version;
  }

  /** The commit measured, marked when the working tree had changes. */
  private static String commit() {
    String head = git("rev-parse", "--short", "HEAD");
    if (head.isEmpty()) {
      return "unknown";
    }
    return git("status", "--porcelain", "--untracked-files=no").isEmpty()
        ? head
        : head + " + uncommitted changes";
  }

  private static String git(String... arguments) {
    String[] command = new String[arguments.length + 1];
    command[0] = "git";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0
          ? output.strip()
          : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
