package dev.sextant.testsupport.clickhouse;

import dev.sextant.testsupport.MissingComponent;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code clickhouse-server} child process with a directory and ports of its own, built from the
 * packaged configuration. Closing it stops the process and deletes the directory. Public for the
 * benchmark suite, which measures against a server of its own the same way the tests do.
 */
public final class PrivateClickHouseServer implements AutoCloseable {

  private static final Path PACKAGED_CONFIG = Path.of("/etc/clickhouse-server");

  /** Debian puts the server in /usr/sbin, which is not on every PATH. */
  private static final List<Path> EXTRA_BINARY_DIRECTORIES =
      List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"));

  /** Measured start-up is 1-3 s; the margin is for loaded build machines. */
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(60);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  /** Free ports are probed then released, so another process can take one first: retry then. */
  private static final int MAX_ATTEMPTS = 3;

  private static final String OUTPUT_FILE = "stdout.log";
  private static final int LOG_TAIL_LINES = 30;

  private final Process process;
  private final Path dir;
  private final ClickHouseEndpoint endpoint;
  private final Thread killOnExit;

  private PrivateClickHouseServer(Process process, Path dir, ClickHouseEndpoint endpoint) {
    this.process = process;
    this.dir = dir;
    this.endpoint = endpoint;
    // If the JVM ends without JUnit closing its stores (a forked JVM killed on timeout), the
    // server must not outlive it.
    this.killOnExit = new Thread(process::destroyForcibly, "clickhouse-server-kill-on-exit");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts the installed server and waits until it answers; fails with a remedy if it cannot. */
  public static PrivateClickHouseServer start() {
    Path binary =
        findBinary()
            .orElseThrow(() ->
                missing(
                    new IllegalStateException(
                        "no clickhouse-server on PATH or in " + EXTRA_BINARY_DIRECTORIES)));
    return start(binary, PACKAGED_CONFIG);
  }

  /**
   * Starts {@code binary} with a private copy of the configuration in {@code configDirectory}
   * ({@code config.xml}, {@code users.xml}).
   */
  static PrivateClickHouseServer start(Path binary, Path configDirectory) {
    for (int attempt = 1; ; attempt++) {
      Path dir = createDirectory();
      try {
        return launch(binary, configDirectory, dir);
      } catch (StartFailure failure) {
        deleteRecursively(dir);
        if (!failure.isPortClash() || attempt == MAX_ATTEMPTS) {
          throw missing(failure);
        }
      }
    }
  }

  ClickHouseEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Its HTTP interface, e.g. {@code http://127.0.0.1:41234} (user {@code default}, no password).
   */
  public URI httpUrl() {
    return endpoint.baseUrl();
  }

  /** The server's process id, e.g. to read its memory use. */
  public long pid() {
    return process.pid();
  }

  /** Where its configuration, data and logs are. */
  Path directory() {
    return dir;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it kills the process.
    }
    stop(process);
    deleteRecursively(dir);
  }

  private static PrivateClickHouseServer launch(Path binary, Path configDirectory, Path dir)
      throws StartFailure {
    Process process;
    ClickHouseServerConfig config;
    try {
      config = writeConfig(configDirectory, dir);
      process =
          new ProcessBuilder(binary.toString(), "--config-file=" + dir.resolve("config.xml"))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve(OUTPUT_FILE).toFile())
              .start();
    } catch (IOException | RuntimeException e) {
      throw new StartFailure("cannot launch " + binary + ": " + e.getMessage(), e);
    }
    ClickHouseEndpoint endpoint =
        new ClickHouseEndpoint(URI.create("http://127.0.0.1:" + config.httpPort()), "default", "");
    try {
      awaitPing(process, endpoint, dir);
    } catch (StartFailure e) {
      stop(process);
      throw e;
    }
    return new PrivateClickHouseServer(process, dir, endpoint);
  }

  private static ClickHouseServerConfig writeConfig(Path configDirectory, Path dir)
      throws IOException {
    String template = Files.readString(configDirectory.resolve("config.xml"));
    ClickHouseServerConfig config =
        ClickHouseServerConfig.rewrite(template, dir, new FreePorts()::next);
    Files.writeString(dir.resolve("config.xml"), config.xml());
    // config.xml names users.xml relative to its own directory.
    Path users = configDirectory.resolve("users.xml");
    if (Files.exists(users)) {
      Files.copy(users, dir.resolve("users.xml"));
    }
    return config;
  }

  /** Polls {@code /ping}; fails early if the process exits, with the log's last lines. */
  private static void awaitPing(Process process, ClickHouseEndpoint endpoint, Path dir)
      throws StartFailure {
    Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
    while (!endpoint.isUp()) {
      boolean exited;
      try {
        exited = process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartFailure("interrupted while waiting for clickhouse-server", e);
      }
      if (exited) {
        throw new StartFailure(
            "clickhouse-server exited with status " + process.exitValue() + logTail(dir), null);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new StartFailure(
            "clickhouse-server did not answer /ping within " + STARTUP_DEADLINE + logTail(dir),
            null);
      }
    }
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Path> findBinary() {
    List<Path> directories = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          directories.add(Path.of(entry));
        }
      }
    }
    directories.addAll(EXTRA_BINARY_DIRECTORIES);
    return directories.stream()
        .map(directory -> directory.resolve("clickhouse-server"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The last lines of the error log and the console output, for the failure message. */
  private static String logTail(Path dir) {
    StringBuilder tail = new StringBuilder();
    for (Path file :
        List.of(
            dir.resolve("log").resolve(ClickHouseServerConfig.ERROR_LOG_FILE),
            dir.resolve(OUTPUT_FILE))) {
      if (Files.exists(file)) {
        List<String> lines = readLines(file);
        tail.append("\n--- last lines of ").append(file).append(":\n");
        tail.append(
            String.join(
                "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())));
      }
    }
    return tail.toString();
  }

  private static List<String> readLines(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of("(unreadable: " + e.getMessage() + ")");
    }
  }

  private static Path createDirectory() {
    try {
      return Files.createTempDirectory("sextant-clickhouse-");
    } catch (IOException e) {
      throw missing(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the ClickHouse test directory " + dir, e);
    }
  }

  private static IllegalStateException missing(Exception cause) {
    return MissingComponent.report(
        ClickHouseExtension.COMPONENT, ClickHouseExtension.REMEDY, cause);
  }

  /** Hands out ports that are free now and distinct from each other. */
  private static final class FreePorts {
    private final Set<Integer> given = new HashSet<>();

    int next() {
      while (true) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          if (given.add(socket.getLocalPort())) {
            return socket.getLocalPort();
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot find a free port", e);
        }
      }
    }
  }

  /** Why one attempt to start the server failed; the message carries the log's last lines. */
  private static final class StartFailure extends Exception {

    StartFailure(String message, Throwable cause) {
      super(message, cause);
    }

    boolean isPortClash() {
      return getMessage().contains("Address already in use");
    }
  }
}
