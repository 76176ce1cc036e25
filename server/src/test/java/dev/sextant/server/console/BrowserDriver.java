package dev.sextant.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one of the console's browser scripts ({@code src/test/browser/*.mjs}: playwright-core
 * driving Debian's Chromium) in Node, and reads what it saw: the JSON object it prints as its last
 * line. The script's exit status must be 0; its error output goes to the test's.
 */
final class BrowserDriver {

  /** Where every console test saves its screenshots. */
  static final Path SCREENSHOTS = Path.of("target/console-screenshots");

  private static final Path BROWSER_TEST = Path.of("src/test/browser");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BrowserDriver() {}

  /**
   * @param scratch a directory for the script's output (the test's temporary directory)
   * @param timeout how long the script may take before it is killed and the test fails
   * @param script the script's file name in {@code src/test/browser}
   * @param arguments its command-line arguments
   */
  static JsonNode run(Path scratch, Duration timeout, String script, String... arguments)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(scratch, script.replace(".mjs", "-"), ".json");
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(arguments));
    Process node =
        new ProcessBuilder(command)
            .directory(BROWSER_TEST.toFile())
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!node.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("node " + script + " did not finish within " + timeout);
    }
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(node.exitValue()).as("node %s exit code; output: %s", script, lines).isZero();
    return JSON.readTree(lines.getLast());
  }
}
