package dev.sextant.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results as JSON files: a benchmark run by the suite writes its result to the file named by the
 * system property {@value #REPORT_PROPERTY}; run by hand, without it, it only prints its tables.
 */
public final class ResultFiles {

  public static final String REPORT_PROPERTY = "sextant.benchmark.report";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ResultFiles() {}

  /** Prints the result's tables, and writes it where the suite asked for it, if it did. */
  public static void publish(BenchmarkResult result) {
    System.out.println(BenchmarkReport.section(result));
    String file = System.getProperty(REPORT_PROPERTY);
    if (file != null && !file.isBlank()) {
      write(result, Path.of(file));
    }
  }

  public static void write(BenchmarkResult result, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path partial = parent.resolve(file.getFileName() + ".partial");
      Files.writeString(partial, JSON.writeValueAsString(result));
      // Whole or not at all: the suite treats a missing file as a failed benchmark.
      Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run as a whole, beside its results (not among them: it is no benchmark's result). */
  public static void writeRun(SuiteRun run, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, JSON.writeValueAsString(run));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SuiteRun readRun(Path file) {
    try {
      return JSON.readValue(Files.readString(file), SuiteRun.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BenchmarkResult read(Path file) {
    try {
      return JSON.readValue(Files.readString(file), BenchmarkResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every result in a directory, by file name. */
  public static List<BenchmarkResult> readAll(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> sorted =
          new ArrayList<>(files.filter(f -> f.toString().endsWith(".json")).sorted().toList());
      return sorted.stream().map(ResultFiles::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
