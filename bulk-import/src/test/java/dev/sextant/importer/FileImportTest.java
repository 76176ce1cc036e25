package dev.sextant.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImportTest {

  @TempDir Path directory;

  /** Takes every record, quarantining the ones that are not objects; can fail on one batch. */
  private static final class RecordingCollector implements BatchSender {
    final List<List<String>> batches = new ArrayList<>();
    int failOnBatch = -1;

    @Override
    public BatchOutcome send(List<String> records) {
      if (batches.size() + 1 == failOnBatch) {
        failOnBatch = -1;
        throw new ImportFailedException("the network went away");
      }
      batches.add(records);
      long objects = records.stream().filter(r -> r.startsWith("{")).count();
      long others = records.size() - objects;
      return new BatchOutcome(
          objects, 0, others == 0 ? Map.of() : Map.of("MALFORMED_PAYLOAD", others));
    }

    List<String> all() {
      return batches.stream().flatMap(List::stream).toList();
    }
  }

  private final RecordingCollector collector = new RecordingCollector();
  private final List<ImportState> checkpoints = new ArrayList<>();

  private Path file(String name, List<String> lines) throws IOException {
    Path file = directory.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> records(int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      lines.add("{\"type\":\"track\",\"event\":\"E\",\"_track_id\":" + i + "}");
    }
    return lines;
  }

  private ImportState run(Path file, ImportState from) {
    return new FileImport(collector, 3).run(file, from, checkpoints::add, (bytes, state) -> {});
  }

  @Test
  void sendsEveryRecordOnceInBatchesAndCheckpointsAfterEach() throws IOException {
    Path file = file("events.jsonl", records(7));

    ImportState done = run(file, ImportState.start("events.jsonl", Files.size(file)));

    assertThat(collector.batches).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(checkpoints).extracting(ImportState::linesDone).containsExactly(3L, 6L, 7L);
    assertThat(done.finished()).isTrue();
    assertThat(done.accepted()).isEqualTo(7);
    assertThat(done.linesDone()).isEqualTo(7);
  }

  @Test
  void resumesAfterTheLastAcknowledgedBatchAndSendsNothingTwice() throws IOException {
    Path file = file("events.jsonl", records(10));
    collector.failOnBatch = 3;

    assertThatThrownBy(() -> run(file, ImportState.start("events.jsonl", Files.size(file))))
        .isInstanceOf(ImportFailedException.class);
    ImportState saved = checkpoints.getLast();
    ImportState done = run(file, saved);

    assertThat(saved.linesDone()).isEqualTo(6);
    assertThat(collector.all()).containsExactlyElementsOf(records(10));
    assertThat(done.accepted()).isEqualTo(10);
    assertThat(done.finished()).isTrue();
  }

  @Test
  void skipsBlankLinesAndSendsBrokenOnesToBeQuarantined() throws IOException {
    Path file = file("events.jsonl", List.of("{\"a\":1}", "", "  ", "oops {", "{\"b\":2}"));

    ImportState done = run(file, ImportState.start("events.jsonl", Files.size(file)));

    assertThat(collector.all()).containsExactly("{\"a\":1}", "\"oops {\"", "{\"b\":2}");
    assertThat(done.linesDone()).isEqualTo(5);
    assertThat(done.accepted()).isEqualTo(2);
    assertThat(done.quarantined()).containsEntry("MALFORMED_PAYLOAD", 1L);
  }

  @Test
  void readsGzippedFiles() throws IOException {
    Path file = directory.resolve("events.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(String.join("\n", records(4)).getBytes(StandardCharsets.UTF_8));
    }

    ImportState done = run(file, ImportState.start("events.jsonl.gz", Files.size(file)));

    assertThat(collector.all()).containsExactlyElementsOf(records(4));
    assertThat(done.accepted()).isEqualTo(4);
  }

  @Test
  void aStateFileSurvivesBetweenRuns() throws IOException {
    ImportStateFile stateFile = ImportStateFile.of(directory.resolve("x.jsonl"), null);
    ImportState state =
        new ImportState("x.jsonl", 99, 12, 10, 1, Map.of("UNKNOWN_EVENT", 1L), false);

    stateFile.write(state);

    assertThat(stateFile.path()).hasFileName("x.jsonl.import-state.json");
    assertThat(stateFile.read()).contains(state);
  }

  @Test
  void refusesToResumeAFileShorterThanWhatWasImported() throws IOException {
    Path file = file("events.jsonl", records(2));

    assertThatThrownBy(() ->
            run(file, new ImportState("events.jsonl", Files.size(file), 5, 5, 0, Map.of(), false)))
        .isInstanceOf(ImportFailedException.class)
        .hasMessageContaining("fewer lines");
  }
}
