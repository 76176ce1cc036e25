package dev.sextant.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sextant-import}: imports historical Sensors-format JSON-lines files (the records Sensors'
 * BatchImporter takes: {@code track}, {@code track_signup}, {@code profile_*}), one record a line,
 * through the collector, with a progress bar, a summary of what was imported and quarantined, and
 * resume after an interruption. Exit code 0 when every file was imported, 1 when one could not be,
 * 2 for bad arguments.
 */
@Command(
    name = "sextant-import",
    mixinStandardHelpOptions = true,
    description =
        "Imports Sensors-format JSON-lines files (.jsonl or .jsonl.gz) through the collector's"
            + " validation. An interrupted import resumes where it stopped.")
public final class ImportCommand implements Callable<Integer> {

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "The collector or the all-in-one server (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--project", required = true, description = "The project to import into.")
  String project;

  @Option(
      names = "--key",
      defaultValue = "${env:SEXTANT_API_KEY}",
      description =
          "The project's secret API key (default: the SEXTANT_API_KEY environment variable, which"
              + " keeps it out of the shell's history).")
  String apiKey;

  @Option(
      names = "--batch-size",
      defaultValue = "1000",
      description = "Records per request (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--state-dir",
      description = "Where to keep the resume state (default: beside each file).")
  Path stateDirectory;

  @Option(names = "--restart", description = "Ignore earlier progress and import from line 1.")
  boolean restart;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to import.")
  List<Path> files;

  private final PrintStream out;
  private BatchSender sender;

  public ImportCommand() {
    this(System.out, null);
  }

  /**
   * @param sender where batches go; null to send them to {@code --url} over HTTP
   */
  ImportCommand(PrintStream out, BatchSender sender) {
    this.out = out;
    this.sender = sender;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ImportCommand()).execute(args));
  }

  @Override
  public Integer call() {
    if (sender == null) {
      sender = new CollectorClient(url, project, apiKey);
    }
    FileImport fileImport = new FileImport(sender, batchSize);
    boolean allImported = true;
    for (Path file : files) {
      try {
        ImportState done = importOne(fileImport, file);
        out.println(Summary.of(done));
      } catch (ImportFailedException | UncheckedIOException e) {
        out.println(file + ": stopped: " + e.getMessage());
        out.println("  run the same command again to resume after the last acknowledged batch");
        allImported = false;
      }
    }
    return allImported ? 0 : 1;
  }

  private ImportState importOne(FileImport fileImport, Path file) {
    ImportStateFile stateFile = ImportStateFile.of(file, stateDirectory);
    long size = sizeOf(file);
    ImportState from = Resumption.startingPoint(stateFile.read(), file.toString(), size, restart);
    if (from.finished()) {
      out.println(
          file + ": already imported (" + stateFile.path() + "); --restart to import again");
      return from;
    }
    if (from.linesDone() > 0) {
      out.println(file + ": resuming after line " + from.linesDone());
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(file.getFileName().toString())
            .setInitialMax(size)
            .setUnit(" MB", 1 << 20)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500)
            .showSpeed()
            .build()) {
      return fileImport.run(
          file,
          from,
          stateFile::write,
          (bytes, state) -> {
            bar.stepTo(bytes);
            bar.setExtraMessage(
                " "
                    + state.accepted()
                    + " imported, "
                    + state.quarantinedRecords()
                    + " quarantined");
          });
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** What one file's import came to, as people read it. */
  record Summary(ImportState state) {

    static Summary of(ImportState state) {
      return new Summary(state);
    }

    @Override
    public String toString() {
      StringBuilder text =
          new StringBuilder()
              .append(state.file())
              .append(": ")
              .append(state.linesDone())
              .append(" lines, ")
              .append(state.accepted())
              .append(" imported, ")
              .append(state.duplicates())
              .append(" already imported, ")
              .append(state.quarantinedRecords())
              .append(" quarantined");
      for (Map.Entry<String, Long> reason : state.quarantined().entrySet()) {
        text.append(System.lineSeparator())
            .append("  ")
            .append(reason.getKey())
            .append(": ")
            .append(reason.getValue());
      }
      return text.toString();
    }
  }
}
